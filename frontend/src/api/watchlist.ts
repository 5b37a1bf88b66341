import { techmarketApi } from './techmarketApi'
import type { AlertPage, SavedSearch, SavedSearchCreate, SavedSearchList, WatchlistPage } from './types'

const path = (id: string) => encodeURIComponent(id)

const pageUrl = (base: string, cursor: string | null) =>
  cursor ? `${base}?${new URLSearchParams({ cursor }).toString()}` : base

/** What the signed-in user keeps an eye on: watched listings, saved searches and their alerts. */
export const watchlistApi = techmarketApi
  .enhanceEndpoints({ addTagTypes: ['Watchlist', 'SavedSearches', 'Alerts'] })
  .injectEndpoints({
    endpoints: (build) => ({
      getWatchlist: build.infiniteQuery<WatchlistPage, void, string | null>({
        infiniteQueryOptions: {
          initialPageParam: null,
          getNextPageParam: (lastPage) => lastPage.next_cursor,
        },
        query: ({ pageParam }) => pageUrl('/users/me/watchlist', pageParam),
        providesTags: ['Watchlist'],
      }),
      watchProduct: build.mutation<null, string>({
        query: (productId) => ({ url: `/users/me/watchlist/${path(productId)}`, method: 'PUT' }),
        invalidatesTags: ['Watchlist'],
      }),
      unwatchProduct: build.mutation<null, string>({
        query: (productId) => ({ url: `/users/me/watchlist/${path(productId)}`, method: 'DELETE' }),
        invalidatesTags: ['Watchlist'],
      }),

      getSavedSearches: build.query<SavedSearch[], void>({
        query: () => '/users/me/saved-searches',
        transformResponse: (response: SavedSearchList) => response.items,
        providesTags: ['SavedSearches'],
      }),
      saveSearch: build.mutation<SavedSearch, SavedSearchCreate>({
        query: (body) => ({ url: '/users/me/saved-searches', method: 'POST', body }),
        invalidatesTags: ['SavedSearches'],
      }),
      deleteSavedSearch: build.mutation<null, string>({
        query: (id) => ({ url: `/users/me/saved-searches/${path(id)}`, method: 'DELETE' }),
        invalidatesTags: ['SavedSearches', 'Alerts'],
      }),

      getAlerts: build.infiniteQuery<AlertPage, void, string | null>({
        infiniteQueryOptions: {
          initialPageParam: null,
          getNextPageParam: (lastPage) => lastPage.next_cursor,
        },
        query: ({ pageParam }) => pageUrl('/users/me/alerts', pageParam),
        providesTags: ['Alerts'],
      }),
      /** Marks every alert read. */
      markAlertsRead: build.mutation<null, void>({
        query: () => ({ url: '/users/me/alerts/read', method: 'POST', body: {} }),
        invalidatesTags: ['Alerts'],
      }),
    }),
  })

export const {
  useGetWatchlistInfiniteQuery,
  useWatchProductMutation,
  useUnwatchProductMutation,
  useGetSavedSearchesQuery,
  useSaveSearchMutation,
  useDeleteSavedSearchMutation,
  useGetAlertsInfiniteQuery,
  useMarkAlertsReadMutation,
} = watchlistApi
