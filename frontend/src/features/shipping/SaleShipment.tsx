import Link from '@mui/material/Link'
import { skipToken } from '@reduxjs/toolkit/query'
import { Link as RouterLink } from 'react-router'

import { useGetTrackingQuery } from '../../api/shipping'
import type { Sale } from '../../api/types'
import { Panel } from '../orders/OrderParts'
import { DownloadLabelButton, ParcelFactsList, type ParcelFacts } from './ShipmentDetails'
import { trackingPath } from './trackingPath'

const SHIPPED = new Set(['shipped', 'delivered', 'completed', 'disputed', 'refunded'])

/**
 * The seller's view of the parcel: tracking number and link, status, and the label to print.
 * The sale carries its `shipment`; without it (an older answer) the tracking is asked for.
 */
export function SaleShipment({ sale }: { sale: Sale }) {
  const needsTracking = sale.shipment === undefined && SHIPPED.has(sale.status)
  const { data: tracking } = useGetTrackingQuery(needsTracking ? sale.id : skipToken)
  const parcel: ParcelFacts | null = sale.shipment ?? tracking ?? null
  if (!parcel) return null
  const hasLabel = sale.shipment ? Boolean(sale.shipment.label_url) : parcel.carrier === 'sandbox'
  return (
    <Panel title="Shipment">
      <ParcelFactsList parcel={parcel} />
      {hasLabel && <DownloadLabelButton saleId={sale.id} />}
      <Link component={RouterLink} to={trackingPath(sale.id, 'sale')}>
        Follow the parcel
      </Link>
    </Panel>
  )
}
