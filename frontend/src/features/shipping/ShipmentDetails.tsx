import DownloadIcon from '@mui/icons-material/Download'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import Link from '@mui/material/Link'
import type { ReactNode } from 'react'

import { errorMessageOf } from '../../api/problem'
import { useDownloadLabelMutation } from '../../api/shipping'
import type { ApiError } from '../../api/baseQuery'
import type { ShippingService, TrackingStatus } from '../../api/types'
import { carrierLabel, formatDay, isTrackingProblem, SERVICE_LABELS, TRACKING_STATUS_LABELS } from './shippingLabels'

/** What both a `Shipment` and a `Tracking` say about the parcel. */
export type ParcelFacts = {
  carrier: string
  service: ShippingService | null
  tracking_number: string
  tracking_url: string | null
  status: TrackingStatus
  estimated_delivery: string | null
}

export function TrackingStatusChip({ status, size = 'small' }: { status: TrackingStatus; size?: 'small' | 'medium' }) {
  const color = isTrackingProblem(status) ? 'error' : status === 'delivered' ? 'success' : 'primary'
  return <Chip size={size} variant="outlined" color={color} label={TRACKING_STATUS_LABELS[status] ?? status} />
}

/** Carrier, service, tracking number (linked to the carrier's page) and the estimate, as a list. */
export function ParcelFactsList({ parcel }: { parcel: ParcelFacts }) {
  const rows: [string, ReactNode][] = [
    ['Status', <TrackingStatusChip key="status" status={parcel.status} />],
    ['Carrier', `${carrierLabel(parcel.carrier)}${parcel.service ? `, ${SERVICE_LABELS[parcel.service] ?? parcel.service}` : ''}`],
    [
      'Tracking number',
      parcel.tracking_url ? (
        <Link href={parcel.tracking_url} target="_blank" rel="noopener noreferrer" className="break-all">
          {parcel.tracking_number}
          <span className="sr-only"> (opens the carrier’s page in a new tab)</span>
        </Link>
      ) : (
        <span className="break-all">{parcel.tracking_number}</span>
      ),
    ],
  ]
  if (parcel.estimated_delivery && parcel.status !== 'delivered') {
    rows.push(['Expected', formatDay(parcel.estimated_delivery)])
  }
  return (
    <dl className="m-0 grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-1 text-sm">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-slate-600">{term}</dt>
          <dd className="m-0 min-w-0">{value}</dd>
        </div>
      ))}
    </dl>
  )
}

/** Saves a file from an object URL under a name, then lets the URL go. */
function saveFile(url: string, filename: string) {
  const anchor = document.createElement('a')
  anchor.href = url
  anchor.download = filename
  anchor.rel = 'noopener'
  document.body.append(anchor)
  anchor.click()
  anchor.remove()
  // Give the browser a moment to start the download before the URL is gone.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** "Download label": `GET /sales/{id}/label` with the bearer token, saved as a file. */
export function DownloadLabelButton({ saleId }: { saleId: string }) {
  const [download, { isLoading, error, reset }] = useDownloadLabelMutation()
  const onClick = async () => {
    reset()
    try {
      const file = await download(saleId).unwrap()
      saveFile(file.url, file.filename)
    } catch {
      // Shown below.
    }
  }
  return (
    <div className="flex flex-col items-start gap-2">
      <Button variant="outlined" startIcon={<DownloadIcon />} loading={isLoading} onClick={() => void onClick()}>
        Download label
      </Button>
      {error && (
        <Alert severity="error" role="alert" className="self-stretch">
          The label could not be downloaded: {errorMessageOf(error as ApiError).title}
        </Alert>
      )}
    </div>
  )
}
