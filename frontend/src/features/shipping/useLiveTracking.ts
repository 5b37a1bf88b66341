import { useCallback, useState } from 'react'

import { trackingReceived } from '../../api/shipping'
import type { Tracking } from '../../api/types'
import { useEventStream, type StreamEvent } from '../../api/useEventStream'
import { useAppDispatch } from '../../app/hooks'
import { TRACKING_STATUS_LABELS } from './shippingLabels'

/** "In transit: Arrived at the sorting centre, Leipzig". */
function announcementOf(tracking: Tracking): string {
  const latest = tracking.events.at(-1)
  const status = TRACKING_STATUS_LABELS[tracking.status] ?? tracking.status
  if (!latest) return `Parcel status: ${status}`
  return `Parcel status: ${status}. ${[latest.description, latest.location].filter(Boolean).join(', ')}`
}

/**
 * Streams the order's tracking into the cache (`null`: no stream). Returns the stream's state
 * and what a screen reader should hear: each change after the first state, not the state the
 * stream starts with.
 */
export function useLiveTracking(orderId: string | null) {
  const dispatch = useAppDispatch()
  const [announcement, setAnnouncement] = useState('')
  const onEvent = useCallback(
    ({ event, data }: StreamEvent) => {
      if (event !== 'tracking') return
      const tracking = data as Tracking
      const before = dispatch(trackingReceived(tracking))
      if (before && (before.status !== tracking.status || before.events.length < tracking.events.length)) {
        setAnnouncement(announcementOf(tracking))
      }
    },
    [dispatch],
  )
  const stream = useEventStream(
    orderId === null ? null : `/orders/${encodeURIComponent(orderId)}/tracking/stream`,
    onEvent,
  )
  return { stream, announcement }
}
