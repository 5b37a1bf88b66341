import { techmarketApi } from './techmarketApi'
import type { Dealer, DealerCreate, Me } from './types'

export const accountApi = techmarketApi.enhanceEndpoints({ addTagTypes: ['Me'] }).injectEndpoints({
  endpoints: (build) => ({
    /** The signed-in user. Only asked for while there is an access token (see `useMe`). */
    getMe: build.query<Me, void>({
      query: () => '/users/me',
      providesTags: ['Me'],
    }),
    updateMe: build.mutation<Me, { display_name: string }>({
      query: (body) => ({ url: '/users/me', method: 'PATCH', body }),
      async onQueryStarted(_arg, { dispatch, queryFulfilled }) {
        try {
          const { data } = await queryFulfilled
          dispatch(accountApi.util.upsertQueryData('getMe', undefined, data))
        } catch {
          // The form shows the error.
        }
      },
    }),
    /** Opens a store; the account becomes a seller (`dealer_id`, role), hence the refetch of Me. */
    becomeDealer: build.mutation<Dealer, DealerCreate>({
      query: (body) => ({ url: '/users/me/dealer', method: 'POST', body }),
      invalidatesTags: ['Me'],
    }),
  }),
})

export const { useGetMeQuery, useUpdateMeMutation, useBecomeDealerMutation } = accountApi
