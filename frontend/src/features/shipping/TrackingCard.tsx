import Link from '@mui/material/Link'
import Typography from '@mui/material/Typography'
import { skipToken } from '@reduxjs/toolkit/query'
import { Link as RouterLink } from 'react-router'

import { useGetTrackingQuery } from '../../api/shipping'
import type { Order } from '../../api/types'
import { Panel } from '../orders/OrderParts'
import { ParcelFactsList } from './ShipmentDetails'
import { trackingPath } from './trackingPath'
import { useLiveTracking } from './useLiveTracking'

/** Orders that have left the seller, so may have a parcel to follow. */
const SHIPPED = new Set(['shipped', 'delivered', 'completed', 'disputed', 'refunded'])

/**
 * The buyer's summary of the parcel on the order page, leading to the tracking page. It moves
 * live too while the parcel is on its way (a delivered one changes no more).
 */
export function TrackingCard({ order }: { order: Order }) {
  const shipped = SHIPPED.has(order.status)
  const { data: tracking, isError } = useGetTrackingQuery(shipped ? order.id : skipToken)
  const onItsWay = order.status === 'shipped' && !isError && tracking?.status !== 'delivered'
  const { announcement } = useLiveTracking(onItsWay ? order.id : null)
  if (!shipped || isError) return null
  return (
    <Panel title="Tracking">
      <div role="status" aria-live="polite" aria-atomic="true" className="sr-only">
        {announcement}
      </div>
      {tracking ? (
        <>
          <ParcelFactsList parcel={tracking} />
          <Link component={RouterLink} to={trackingPath(order.id)} className="self-start">
            Follow your parcel
          </Link>
        </>
      ) : (
        <Typography color="text.secondary">Loading the tracking…</Typography>
      )}
    </Panel>
  )
}
