import { techmarketApi } from './techmarketApi'
import type { Offer, OfferCreate, OfferPage, OfferRole, OfferStatus } from './types'

const path = (id: string) => encodeURIComponent(id)

export type OfferMove = 'accept' | 'decline' | 'withdraw'

/** Offers on listings: the buyer's price, the seller's answer or counter. */
export const offersApi = techmarketApi.enhanceEndpoints({ addTagTypes: ['Offers', 'Cart'] }).injectEndpoints({
  endpoints: (build) => ({
    makeOffer: build.mutation<Offer, { productId: string; offer: OfferCreate }>({
      query: ({ productId, offer }) => ({ url: `/products/${path(productId)}/offers`, method: 'POST', body: offer }),
      invalidatesTags: ['Offers'],
    }),
    getOffers: build.infiniteQuery<OfferPage, { role: OfferRole; status?: OfferStatus }, string | null>({
      infiniteQueryOptions: { initialPageParam: null, getNextPageParam: (last) => last.next_cursor },
      query: ({ queryArg, pageParam }) => {
        const params = new URLSearchParams({ role: queryArg.role })
        if (queryArg.status) params.set('status', queryArg.status)
        if (pageParam) params.set('cursor', pageParam)
        return `/offers?${params.toString()}`
      },
      providesTags: ['Offers'],
    }),
    /** Accept, decline (either side, as the status allows) or withdraw (the buyer). Accepting puts the listing in the buyer's cart. */
    moveOffer: build.mutation<Offer, { id: string; move: OfferMove }>({
      query: ({ id, move }) => ({ url: `/offers/${path(id)}/${move}`, method: 'POST', body: {} }),
      invalidatesTags: (_result, _error, { move }) => (move === 'accept' ? ['Offers', 'Cart'] : ['Offers']),
    }),
    counterOffer: build.mutation<Offer, { id: string; amount: number }>({
      query: ({ id, amount }) => ({ url: `/offers/${path(id)}/counter`, method: 'POST', body: { amount } }),
      invalidatesTags: ['Offers'],
    }),
  }),
})

export const { useMakeOfferMutation, useGetOffersInfiniteQuery, useMoveOfferMutation, useCounterOfferMutation } = offersApi
