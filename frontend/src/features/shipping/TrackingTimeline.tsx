import Typography from '@mui/material/Typography'

import type { TrackingEvent } from '../../api/types'
import { formatDateTime } from '../account/formatDate'
import { isTrackingProblem, TRACKING_STATUS_LABELS } from './shippingLabels'

/** The carrier's scans, newest first (the API sends them oldest first). */
export function TrackingTimeline({ events }: { events: TrackingEvent[] }) {
  if (events.length === 0) {
    return <Typography color="text.secondary">No scans yet: the carrier reports the first one when it has the parcel.</Typography>
  }
  const newestFirst = [...events].reverse()
  return (
    <ol aria-label="Tracking history" className="m-0 flex list-none flex-col p-0">
      {newestFirst.map((event, index) => (
        <li
          key={`${event.occurred_at}:${event.status}:${index}`}
          className="relative border-0 border-l-2 border-solid border-slate-300 pb-4 pl-4 last:pb-0"
        >
          <span
            aria-hidden
            className={`absolute -left-[7px] top-1 h-3 w-3 rounded-full ${
              isTrackingProblem(event.status) ? 'bg-red-600' : index === 0 ? 'bg-blue-600' : 'bg-slate-400'
            }`}
          />
          <Typography component="p" sx={{ fontWeight: index === 0 ? 700 : 500 }}>
            {TRACKING_STATUS_LABELS[event.status] ?? event.status}
          </Typography>
          {event.description && <Typography variant="body2">{event.description}</Typography>}
          <Typography variant="body2" color="text.secondary">
            <time dateTime={event.occurred_at}>{formatDateTime(event.occurred_at)}</time>
            {event.location && ` · ${event.location}`}
          </Typography>
        </li>
      ))}
    </ol>
  )
}
