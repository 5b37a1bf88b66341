import { techmarketApi } from './techmarketApi'
import type { Cart, CartItemCreate, CartLine, MergeResult } from './types'

const path = (id: string) => encodeURIComponent(id)

/**
 * The signed-in buyer's cart. Every write answers one line, but subtotals, the count and the
 * other lines' problems can change with it, so writes refetch the cart.
 */
export const cartApi = techmarketApi.enhanceEndpoints({ addTagTypes: ['Cart'] }).injectEndpoints({
  endpoints: (build) => ({
    getCart: build.query<Cart, void>({
      query: () => '/cart',
      providesTags: ['Cart'],
    }),
    addToCart: build.mutation<CartLine, CartItemCreate>({
      query: (body) => ({ url: '/cart/items', method: 'POST', body }),
      invalidatesTags: ['Cart'],
    }),
    updateCartLine: build.mutation<CartLine, { id: string; quantity: number }>({
      query: ({ id, quantity }) => ({ url: `/cart/items/${path(id)}`, method: 'PATCH', body: { quantity } }),
      invalidatesTags: ['Cart'],
    }),
    /** The current price becomes the line's reference (clears `price_changed`). */
    acceptCartPrice: build.mutation<CartLine, string>({
      query: (id) => ({ url: `/cart/items/${path(id)}/accept-price`, method: 'POST', body: {} }),
      invalidatesTags: ['Cart'],
    }),
    removeCartLine: build.mutation<null, string>({
      query: (id) => ({ url: `/cart/items/${path(id)}`, method: 'DELETE' }),
      invalidatesTags: ['Cart'],
    }),
    /** The signed-out cart of this browser, added to the account's once at sign-in. */
    mergeCart: build.mutation<MergeResult, { items: CartItemCreate[] }>({
      query: (body) => ({ url: '/cart/merge', method: 'POST', body }),
      async onQueryStarted(_arg, { dispatch, queryFulfilled }) {
        try {
          const { data } = await queryFulfilled
          dispatch(cartApi.util.upsertQueryData('getCart', undefined, data.cart))
        } catch {
          // The guest cart stays in the browser for the next try.
        }
      },
    }),
  }),
})

export const {
  useGetCartQuery,
  useAddToCartMutation,
  useUpdateCartLineMutation,
  useAcceptCartPriceMutation,
  useRemoveCartLineMutation,
} = cartApi
