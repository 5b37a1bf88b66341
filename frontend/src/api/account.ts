import { techmarketApi } from './techmarketApi'
import type {
  Address,
  AddressCreate,
  AddressList,
  AddressUpdate,
  ChangeEmailRequest,
  Contact,
  ContactCreate,
  ContactList,
  Dealer,
  DealerCreate,
  Me,
  SocialLink,
  SocialLinkCreate,
  SocialLinkList,
  StepUp,
} from './types'

const path = (id: string) => encodeURIComponent(id)

export const accountApi = techmarketApi
  .enhanceEndpoints({ addTagTypes: ['Me', 'Activity', 'Addresses', 'Contacts', 'SocialLinks'] })
  .injectEndpoints({
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
      /**
       * New sign-in email, confirmed with a TOTP `code` (MFA on) or the `password`. The answer is
       * the updated Me: the new address, not yet verified (a link went to it).
       */
      changeEmail: build.mutation<Me, ChangeEmailRequest>({
        query: (body) => ({ url: '/users/me/email', method: 'POST', body }),
        invalidatesTags: ['Activity'],
        async onQueryStarted(_arg, { dispatch, queryFulfilled }) {
          try {
            const { data } = await queryFulfilled
            dispatch(accountApi.util.upsertQueryData('getMe', undefined, data))
          } catch {
            // The form shows the error.
          }
        },
      }),
      /**
       * Erases the account's personal data and ends every session. The caller then forgets the
       * session here (`accountDeleted`, features/auth/session.ts), which also drops this cache.
       */
      deleteAccount: build.mutation<null, StepUp>({
        query: (body) => ({ url: '/users/me', method: 'DELETE', body }),
      }),
      /** Opens a store; the account becomes a seller (`dealer_id`, role), hence the refetch of Me. */
      becomeDealer: build.mutation<Dealer, DealerCreate>({
        query: (body) => ({ url: '/users/me/dealer', method: 'POST', body }),
        invalidatesTags: ['Me'],
      }),

      // Address book. Changing the default touches two addresses, so writes refetch the list.
      getAddresses: build.query<Address[], void>({
        query: () => '/users/me/addresses',
        transformResponse: (response: AddressList) => response.items,
        providesTags: ['Addresses'],
      }),
      addAddress: build.mutation<Address, AddressCreate>({
        query: (body) => ({ url: '/users/me/addresses', method: 'POST', body }),
        invalidatesTags: ['Addresses'],
      }),
      updateAddress: build.mutation<Address, { id: string; changes: AddressUpdate }>({
        query: ({ id, changes }) => ({ url: `/users/me/addresses/${path(id)}`, method: 'PATCH', body: changes }),
        invalidatesTags: ['Addresses'],
      }),
      deleteAddress: build.mutation<null, string>({
        query: (id) => ({ url: `/users/me/addresses/${path(id)}`, method: 'DELETE' }),
        invalidatesTags: ['Addresses'],
      }),

      // Ways to reach the user, and their profiles elsewhere.
      getContacts: build.query<Contact[], void>({
        query: () => '/users/me/contacts',
        transformResponse: (response: ContactList) => response.items,
        providesTags: ['Contacts'],
      }),
      addContact: build.mutation<Contact, ContactCreate>({
        query: (body) => ({ url: '/users/me/contacts', method: 'POST', body }),
        invalidatesTags: ['Contacts'],
      }),
      deleteContact: build.mutation<null, string>({
        query: (id) => ({ url: `/users/me/contacts/${path(id)}`, method: 'DELETE' }),
        invalidatesTags: ['Contacts'],
      }),
      getSocialLinks: build.query<SocialLink[], void>({
        query: () => '/users/me/social-links',
        transformResponse: (response: SocialLinkList) => response.items,
        providesTags: ['SocialLinks'],
      }),
      addSocialLink: build.mutation<SocialLink, SocialLinkCreate>({
        query: (body) => ({ url: '/users/me/social-links', method: 'POST', body }),
        invalidatesTags: ['SocialLinks'],
      }),
      deleteSocialLink: build.mutation<null, string>({
        query: (id) => ({ url: `/users/me/social-links/${path(id)}`, method: 'DELETE' }),
        invalidatesTags: ['SocialLinks'],
      }),
    }),
  })

export const {
  useGetMeQuery,
  useUpdateMeMutation,
  useChangeEmailMutation,
  useDeleteAccountMutation,
  useBecomeDealerMutation,
  useGetAddressesQuery,
  useAddAddressMutation,
  useUpdateAddressMutation,
  useDeleteAddressMutation,
  useGetContactsQuery,
  useAddContactMutation,
  useDeleteContactMutation,
  useGetSocialLinksQuery,
  useAddSocialLinkMutation,
  useDeleteSocialLinkMutation,
} = accountApi
