import { techmarketApi } from './techmarketApi'
import type {
  AppNotification,
  LiveNotification,
  NotificationKind,
  NotificationPage,
  NotificationPreferenceChange,
  NotificationPreferenceList,
  ReadAll,
  UnreadCount,
} from './types'

/** How many notifications the bell's menu shows. */
export const LATEST_COUNT = 5

const LIST = { type: 'Notifications', id: 'LIST' } as const
const UNREAD = { type: 'Notifications', id: 'UNREAD' } as const

type NotificationsArgs = { unreadOnly?: boolean }

function listUrl(args: NotificationsArgs, cursor: string | null, limit?: number): string {
  const query = new URLSearchParams()
  if (args.unreadOnly) query.set('unread_only', 'true')
  if (cursor) query.set('cursor', cursor)
  if (limit) query.set('limit', String(limit))
  const text = query.toString()
  return text ? `/notifications?${text}` : '/notifications'
}

/**
 * The bell, the notifications page and the settings. Lists and the unread count have their
 * own tags, so a live `notification` event refetches the lists and sets the count directly.
 */
export const notificationsApi = techmarketApi
  .enhanceEndpoints({ addTagTypes: ['Notifications', 'NotificationPreferences', 'Orders', 'Sales', 'Offers', 'Payouts'] })
  .injectEndpoints({
    endpoints: (build) => ({
      getNotifications: build.infiniteQuery<NotificationPage, NotificationsArgs, string | null>({
        infiniteQueryOptions: { initialPageParam: null, getNextPageParam: (last) => last.next_cursor },
        query: ({ queryArg, pageParam }) => listUrl(queryArg, pageParam),
        providesTags: [LIST],
      }),
      /** The newest few, for the bell's menu. */
      getLatestNotifications: build.query<NotificationPage, void>({
        query: () => listUrl({}, null, LATEST_COUNT),
        providesTags: [LIST],
      }),
      getUnreadCount: build.query<UnreadCount, void>({
        query: () => '/notifications/unread-count',
        providesTags: [UNREAD],
      }),
      markNotificationRead: build.mutation<AppNotification, string>({
        query: (id) => ({ url: `/notifications/${encodeURIComponent(id)}/read`, method: 'POST', body: {} }),
        invalidatesTags: [UNREAD],
        async onQueryStarted(_id, { dispatch, getState, queryFulfilled }) {
          try {
            const { data } = await queryFulfilled
            // Mark it read where it is shown, without refetching every page.
            const patch = (item: AppNotification) => (item.id === data.id ? data : item)
            dispatch(
              notificationsApi.util.updateQueryData('getLatestNotifications', undefined, (page) => {
                page.items = page.items.map(patch)
              }),
            )
            for (const args of notificationsApi.util.selectCachedArgsForQuery(getState(), 'getNotifications')) {
              dispatch(
                notificationsApi.util.updateQueryData('getNotifications', args, (draft) => {
                  for (const page of draft.pages) page.items = page.items.map(patch)
                }),
              )
            }
          } catch {
            // Nothing changed.
          }
        },
      }),
      markAllNotificationsRead: build.mutation<ReadAll, void>({
        query: () => ({ url: '/notifications/read-all', method: 'POST', body: {} }),
        invalidatesTags: [LIST],
        async onQueryStarted(_arg, { dispatch, queryFulfilled }) {
          try {
            const { data } = await queryFulfilled
            dispatch(notificationsApi.util.upsertQueryData('getUnreadCount', undefined, { unread: data.unread }))
          } catch {
            // The page shows the error.
          }
        },
      }),
      getNotificationPreferences: build.query<NotificationPreferenceList, void>({
        query: () => '/notifications/preferences',
        providesTags: ['NotificationPreferences'],
      }),
      /** Changes the listed switches; shown at once, put back if the server says no. */
      updateNotificationPreferences: build.mutation<NotificationPreferenceList, NotificationPreferenceChange[]>({
        query: (changes) => ({ url: '/notifications/preferences', method: 'PUT', body: changes }),
        async onQueryStarted(changes, { dispatch, queryFulfilled }) {
          const optimistic = dispatch(
            notificationsApi.util.updateQueryData('getNotificationPreferences', undefined, (draft) => {
              for (const change of changes) {
                const item = draft.items.find((entry) => entry.kind === change.kind && entry.channel === change.channel)
                if (item && !item.locked) item.enabled = change.enabled
              }
            }),
          )
          try {
            const { data } = await queryFulfilled
            dispatch(notificationsApi.util.upsertQueryData('getNotificationPreferences', undefined, data))
          } catch {
            optimistic.undo()
          }
        },
      }),
    }),
  })

/** What else a new notification of a kind makes out of date (the order's status, an offer…). */
const STALE_BY_KIND: Partial<Record<NotificationKind, ('Orders' | 'Sales' | 'Offers' | 'Payouts')[]>> = {
  order_placed: ['Sales'],
  order_paid: ['Orders'],
  order_shipped: ['Orders'],
  out_for_delivery: ['Orders', 'Sales'],
  delivered: ['Orders', 'Sales'],
  delivery_problem: ['Orders', 'Sales'],
  dispute_opened: ['Orders', 'Sales'],
  dispute_decided: ['Orders', 'Sales'],
  offer_received: ['Offers'],
  offer_answered: ['Offers'],
  payout_sent: ['Payouts'],
}

/** What the bell's stream brings: the unread count, and now and then a new notification. */
export function notificationStreamEvent(event: string, data: unknown) {
  return (dispatch: (action: unknown) => unknown) => {
    if (event === 'unread') {
      const { unread } = data as UnreadCount
      if (typeof unread === 'number') dispatch(notificationsApi.util.upsertQueryData('getUnreadCount', undefined, { unread }))
    } else if (event === 'notification') {
      const { unread } = data as LiveNotification
      if (typeof unread === 'number') dispatch(notificationsApi.util.upsertQueryData('getUnreadCount', undefined, { unread }))
      const stale = STALE_BY_KIND[(data as LiveNotification).notification?.kind] ?? []
      dispatch(notificationsApi.util.invalidateTags([LIST, ...stale]))
    }
  }
}

export const {
  useGetNotificationsInfiniteQuery,
  useGetLatestNotificationsQuery,
  useGetUnreadCountQuery,
  useMarkNotificationReadMutation,
  useMarkAllNotificationsReadMutation,
  useGetNotificationPreferencesQuery,
  useUpdateNotificationPreferencesMutation,
} = notificationsApi
