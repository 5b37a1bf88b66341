import { techmarketApi } from './techmarketApi'
import type { PaymentMethod, PaymentMethodList, Payout, PayoutAccount, PayoutSummary } from './types'

const path = (id: string) => encodeURIComponent(id)

/**
 * Saved cards (tokens only: the card itself goes to the processor, see `processor.ts`) and the
 * seller's payouts.
 */
export const paymentsApi = techmarketApi
  .enhanceEndpoints({ addTagTypes: ['PaymentMethods', 'Payouts'] })
  .injectEndpoints({
    endpoints: (build) => ({
      getPaymentMethods: build.query<PaymentMethod[], void>({
        query: () => '/payments/methods',
        transformResponse: (response: PaymentMethodList) => response.items,
        providesTags: ['PaymentMethods'],
      }),
      /** Saves the processor's token as a card of the account (the same card again updates it). */
      savePaymentMethod: build.mutation<PaymentMethod, { provider: 'sandbox'; token: string }>({
        query: (body) => ({ url: '/payments/methods', method: 'POST', body }),
        invalidatesTags: ['PaymentMethods'],
      }),
      deletePaymentMethod: build.mutation<null, string>({
        query: (id) => ({ url: `/payments/methods/${path(id)}`, method: 'DELETE' }),
        invalidatesTags: ['PaymentMethods'],
      }),

      getPayouts: build.query<PayoutSummary, void>({
        query: () => '/payouts',
        providesTags: ['Payouts'],
      }),
      setPayoutAccount: build.mutation<PayoutAccount, { account_ref: string }>({
        query: (body) => ({ url: '/payouts/account', method: 'PUT', body }),
        invalidatesTags: ['Payouts'],
      }),
      /** Sends the whole available balance of one currency. */
      requestPayout: build.mutation<Payout, { currency: string }>({
        query: (body) => ({ url: '/payouts', method: 'POST', body }),
        invalidatesTags: ['Payouts'],
      }),
    }),
  })

export const {
  useGetPaymentMethodsQuery,
  useSavePaymentMethodMutation,
  useDeletePaymentMethodMutation,
  useGetPayoutsQuery,
  useSetPayoutAccountMutation,
  useRequestPayoutMutation,
} = paymentsApi
