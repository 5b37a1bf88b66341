import { techmarketApi } from './techmarketApi'
import type {
  Dispute,
  DisputeCreate,
  DisputePage,
  Order,
  OrderCreate,
  OrderPage,
  OrderStatus,
  PlacedOrders,
  Quote,
  QuoteRequest,
  Sale,
  SalePage,
  ShipmentCreate,
} from './types'

const path = (id: string) => encodeURIComponent(id)

function listUrl(base: string, params: Record<string, string | null | undefined>): string {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value)
  const text = query.toString()
  return text ? `${base}?${text}` : base
}

/** `POST /orders` with the attempt's `Idempotency-Key` (see `useIdempotentAttempt`). */
export type PlaceOrderArgs = { body: OrderCreate; idempotencyKey: string }

/** Checkout, the buyer's orders, the seller's sales, and disputes between them. */
export const ordersApi = techmarketApi
  .enhanceEndpoints({ addTagTypes: ['Cart', 'Orders', 'Sales', 'Disputes', 'Checkout', 'Tracking'] })
  .injectEndpoints({
    endpoints: (build) => ({
      /** The price of the cart delivered to one address: per seller, with shipping. A POST that reads. */
      getQuote: build.query<Quote, QuoteRequest>({
        query: (body) => ({ url: '/checkout/quote', method: 'POST', body }),
        providesTags: ['Checkout'],
        keepUnusedDataFor: 0,
      }),
      /**
       * Pays for the cart. The same key answers the first answer again (a retry after a network
       * error never charges twice); any answer the server gave needs a new key next time.
       */
      placeOrder: build.mutation<PlacedOrders, PlaceOrderArgs>({
        query: ({ body, idempotencyKey }) => ({
          url: '/orders',
          method: 'POST',
          body,
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
        invalidatesTags: (_result, error) => (error && error.status === 'FETCH_ERROR' ? [] : ['Cart', 'Orders']),
        async onQueryStarted(_arg, { dispatch, queryFulfilled }) {
          try {
            const { data } = await queryFulfilled
            dispatch(ordersApi.util.upsertQueryData('getCheckout', data.checkout.id, data))
          } catch {
            // The page shows the error.
          }
        },
      }),
      /** Where a checkout stands; the page after 3-D Secure polls it. */
      getCheckout: build.query<PlacedOrders, string>({
        query: (id) => `/checkouts/${path(id)}`,
      }),

      getOrders: build.infiniteQuery<OrderPage, void, string | null>({
        infiniteQueryOptions: { initialPageParam: null, getNextPageParam: (last) => last.next_cursor },
        query: ({ pageParam }) => listUrl('/orders', { cursor: pageParam }),
        providesTags: ['Orders'],
      }),
      getOrder: build.query<Order, string>({
        query: (id) => `/orders/${path(id)}`,
        providesTags: (_result, _error, id) => [{ type: 'Orders', id }],
      }),
      cancelOrder: build.mutation<Order, string>({
        query: (id) => ({ url: `/orders/${path(id)}/cancel`, method: 'POST', body: {} }),
        invalidatesTags: ['Orders'],
        onQueryStarted: storeOrder,
      }),
      confirmDelivery: build.mutation<Order, string>({
        query: (id) => ({ url: `/orders/${path(id)}/confirm-delivery`, method: 'POST', body: {} }),
        invalidatesTags: ['Orders'],
        onQueryStarted: storeOrder,
      }),

      getSales: build.infiniteQuery<SalePage, { status?: OrderStatus }, string | null>({
        infiniteQueryOptions: { initialPageParam: null, getNextPageParam: (last) => last.next_cursor },
        query: ({ queryArg, pageParam }) => listUrl('/sales', { status: queryArg.status, cursor: pageParam }),
        providesTags: ['Sales'],
      }),
      getSale: build.query<Sale, string>({
        query: (id) => `/sales/${path(id)}`,
        providesTags: (_result, _error, id) => [{ type: 'Sales', id }],
      }),
      shipSale: build.mutation<Sale, { id: string; shipment: ShipmentCreate }>({
        query: ({ id, shipment }) => ({ url: `/sales/${path(id)}/ship`, method: 'POST', body: shipment }),
        invalidatesTags: (_result, _error, { id }) => ['Sales', { type: 'Tracking', id }],
        async onQueryStarted(_arg, { dispatch, queryFulfilled }) {
          try {
            const { data } = await queryFulfilled
            dispatch(ordersApi.util.upsertQueryData('getSale', data.id, data))
          } catch {
            // The dialog shows the error.
          }
        },
      }),

      /** The dispute of one order, if it has one (`order_id` is also checked here). */
      getOrderDispute: build.query<Dispute | null, string>({
        query: (orderId) => listUrl('/disputes', { order_id: orderId }),
        transformResponse: (response: DisputePage, _meta, orderId) =>
          response.items.find((dispute) => dispute.order_id === orderId) ?? null,
        providesTags: (_result, _error, orderId) => [{ type: 'Disputes', id: orderId }],
      }),
      openDispute: build.mutation<Dispute, { orderId: string; dispute: DisputeCreate }>({
        query: ({ orderId, dispute }) => ({ url: `/orders/${path(orderId)}/disputes`, method: 'POST', body: dispute }),
        invalidatesTags: ['Orders'],
        onQueryStarted: storeDispute,
      }),
      /** One photo as the multipart field `file`. */
      addDisputePhoto: build.mutation<Dispute, { disputeId: string; file: File }>({
        query: ({ disputeId, file }) => {
          const body = new FormData()
          body.append('file', file)
          return { url: `/disputes/${path(disputeId)}/photos`, method: 'POST', body }
        },
        onQueryStarted: storeDispute,
      }),
      answerDispute: build.mutation<Dispute, { disputeId: string; statement: string }>({
        query: ({ disputeId, statement }) => ({
          url: `/disputes/${path(disputeId)}/answer`,
          method: 'POST',
          body: { statement },
        }),
        invalidatesTags: ['Sales'],
        onQueryStarted: storeDispute,
      }),
    }),
  })

async function storeOrder(
  _arg: unknown,
  { dispatch, queryFulfilled }: { dispatch: (action: unknown) => unknown; queryFulfilled: Promise<{ data: Order }> },
) {
  try {
    const { data } = await queryFulfilled
    dispatch(ordersApi.util.upsertQueryData('getOrder', data.id, data))
  } catch {
    // The page shows the error.
  }
}

async function storeDispute(
  _arg: unknown,
  { dispatch, queryFulfilled }: { dispatch: (action: unknown) => unknown; queryFulfilled: Promise<{ data: Dispute }> },
) {
  try {
    const { data } = await queryFulfilled
    dispatch(ordersApi.util.upsertQueryData('getOrderDispute', data.order_id, data))
  } catch {
    // The form shows the error.
  }
}

export const {
  useGetQuoteQuery,
  usePlaceOrderMutation,
  useGetCheckoutQuery,
  useGetOrdersInfiniteQuery,
  useGetOrderQuery,
  useCancelOrderMutation,
  useConfirmDeliveryMutation,
  useGetSalesInfiniteQuery,
  useGetSaleQuery,
  useShipSaleMutation,
  useGetOrderDisputeQuery,
  useOpenDisputeMutation,
  useAddDisputePhotoMutation,
  useAnswerDisputeMutation,
} = ordersApi
