import Breadcrumbs from '@mui/material/Breadcrumbs'
import Chip from '@mui/material/Chip'
import Link from '@mui/material/Link'
import Typography from '@mui/material/Typography'
import { Link as RouterLink, useParams, useSearchParams } from 'react-router'

import { statusOf } from '../../api/problem'
import { useGetTrackingQuery } from '../../api/shipping'
import type { Tracking } from '../../api/types'
import type { StreamState } from '../../api/useEventStream'
import { ErrorState } from '../../components/ErrorState'
import { LoadingState } from '../../components/LoadingState'
import { RequireSignIn } from '../auth/RequireSignIn'
import { Panel } from '../orders/OrderParts'
import { orderPath, salePath } from '../orders/orderLabels'
import { ParcelFactsList } from './ShipmentDetails'
import { formatDay, TRACKING_STATUS_LABELS } from './shippingLabels'
import { TrackingProgress } from './TrackingProgress'
import { TrackingTimeline } from './TrackingTimeline'
import { useLiveTracking } from './useLiveTracking'

/** `/orders/:id/tracking`: where the parcel is, updated live while the page is open. */
export function TrackingPage() {
  return (
    <RequireSignIn>
      <TrackingDetails />
    </RequireSignIn>
  )
}

function LiveIndicator({ stream }: { stream: StreamState }) {
  if (stream.state === 'open') return <Chip size="small" color="success" variant="outlined" label="Live" />
  if (stream.state === 'connecting') return <Chip size="small" variant="outlined" label="Connecting…" />
  if (stream.state === 'closed') return <Chip size="small" variant="outlined" label="Not live: reload for news" />
  return null
}

function TrackingDetails() {
  const { id = '' } = useParams()
  const [searchParams] = useSearchParams()
  const fromSale = searchParams.get('from') === 'sale'
  const { data: tracking, isLoading, isError, error, refetch } = useGetTrackingQuery(id)
  const { stream, announcement } = useLiveTracking(id)

  const back = fromSale
    ? { to: salePath(id), label: 'Back to the sale' }
    : { to: orderPath(id), label: 'Back to the order' }
  const crumbs = fromSale
    ? [
        { to: '/selling/sales', label: 'Sales' },
        { to: salePath(id), label: 'Sale' },
      ]
    : [
        { to: '/account', label: 'Your account' },
        { to: '/account/orders', label: 'Orders' },
        { to: orderPath(id), label: 'Order' },
      ]

  return (
    <div className="flex flex-col gap-4">
      <title>Tracking · TechMarket</title>
      <Breadcrumbs aria-label="Breadcrumb">
        {crumbs.map((crumb) => (
          <Link key={crumb.to} component={RouterLink} to={crumb.to} color="inherit">
            {crumb.label}
          </Link>
        ))}
        <Typography color="text.primary">Tracking</Typography>
      </Breadcrumbs>
      <div className="flex flex-wrap items-center gap-3">
        <Typography variant="h1">Track your parcel</Typography>
        {tracking && <LiveIndicator stream={stream} />}
      </div>
      {/* Read out by screen readers whenever the stream brings news. */}
      <div role="status" aria-live="polite" aria-atomic="true" className="sr-only">
        {announcement}
      </div>
      {isLoading ? (
        <LoadingState label="Loading the tracking" variant="page" />
      ) : isError && !tracking ? (
        statusOf(error) === 404 ? (
          <div className="flex flex-col items-start gap-3">
            <Typography>This order has not been shipped yet. Tracking starts when the seller sends the parcel.</Typography>
            <Link component={RouterLink} to={back.to}>
              {back.label}
            </Link>
          </div>
        ) : (
          <ErrorState error={error} onRetry={() => void refetch()} />
        )
      ) : tracking ? (
        <TrackingBody tracking={tracking} />
      ) : null}
    </div>
  )
}

function TrackingBody({ tracking }: { tracking: Tracking }) {
  return (
    <>
      <Typography variant="h2" component="p">
        <span className="sr-only">Status: </span>
        {TRACKING_STATUS_LABELS[tracking.status] ?? tracking.status}
      </Typography>
      {tracking.estimated_delivery && tracking.status !== 'delivered' && (
        <Typography>Expected by {formatDay(tracking.estimated_delivery)}, as the carrier estimates.</Typography>
      )}
      <div className="overflow-x-auto">
        <TrackingProgress tracking={tracking} />
      </div>
      <div className="grid gap-4 md:grid-cols-[1fr_18rem] md:items-start">
        <Panel title="History">
          <TrackingTimeline events={tracking.events} />
        </Panel>
        <Panel title="Parcel">
          <ParcelFactsList parcel={tracking} />
        </Panel>
      </div>
    </>
  )
}
