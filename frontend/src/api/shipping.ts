import type { ApiError } from './baseQuery'
import { techmarketApi } from './techmarketApi'
import type { Tracking, TrackingStatus } from './types'

const path = (id: string) => encodeURIComponent(id)

/** A downloaded file, as an object URL (the caller revokes it once used) and a file name. */
export type DownloadedFile = { url: string; filename: string }

/** `attachment; filename="label.pdf"` → `label.pdf`. */
export function filenameOf(disposition: string | null | undefined): string | null {
  if (!disposition) return null
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition)
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''))
    } catch {
      // Fall back to the plain name.
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition)
  return plain?.[1]?.trim() || null
}

/** Statuses after which the order itself changes (delivered starts the inspection window). */
const ORDER_CHANGING: TrackingStatus[] = ['delivered', 'delivery_exception', 'returned_to_sender']

/** Tracking of a shipped order (buyer and seller) and the seller's shipping label. */
export const shippingApi = techmarketApi
  .enhanceEndpoints({ addTagTypes: ['Tracking', 'Orders', 'Sales'] })
  .injectEndpoints({
    endpoints: (build) => ({
      /** Where the parcel is, with the carrier's events oldest first. 404 while nothing is shipped. */
      getTracking: build.query<Tracking, string>({
        query: (orderId) => `/orders/${path(orderId)}/tracking`,
        providesTags: (_result, _error, orderId) => [{ type: 'Tracking', id: orderId }],
      }),
      /**
       * `GET /sales/{id}/label` with the bearer token, as an object URL to hand to a link.
       * Kept out of the cache: a file is not state.
       */
      downloadLabel: build.mutation<DownloadedFile, string>({
        queryFn: async (saleId, _api, _extra, baseQuery) => {
          const result = await baseQuery({
            url: `/sales/${path(saleId)}/label`,
            responseHandler: async (response) => (response.ok ? response.blob() : response.json()),
          })
          if (result.error) return { error: result.error as ApiError }
          const blob = result.data as Blob
          const disposition = result.meta?.response?.headers.get('Content-Disposition')
          const extension = blob.type === 'image/png' ? 'png' : 'pdf'
          return {
            data: {
              url: URL.createObjectURL(blob),
              filename: filenameOf(disposition) ?? `techmarket-label-${saleId}.${extension}`,
            },
          }
        },
      }),
    }),
  })

/**
 * Puts a streamed tracking body in the cache (the order's card and page read it there), and
 * refetches the order when the parcel's news changes it. Returns what the cache held before.
 */
export function trackingReceived(tracking: Tracking) {
  return (dispatch: (action: unknown) => unknown, getState: () => unknown): Tracking | undefined => {
    const before = shippingApi.endpoints.getTracking.select(tracking.order_id)(getState() as never).data
    dispatch(shippingApi.util.upsertQueryData('getTracking', tracking.order_id, tracking))
    if (before?.status !== tracking.status && ORDER_CHANGING.includes(tracking.status)) {
      dispatch(
        shippingApi.util.invalidateTags([
          { type: 'Orders', id: tracking.order_id },
          { type: 'Sales', id: tracking.order_id },
        ]),
      )
    }
    return before
  }
}

export const { useGetTrackingQuery, useDownloadLabelMutation } = shippingApi
