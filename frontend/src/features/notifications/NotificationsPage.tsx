import DoneAllIcon from '@mui/icons-material/DoneAll'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import FormControlLabel from '@mui/material/FormControlLabel'
import Link from '@mui/material/Link'
import Paper from '@mui/material/Paper'
import Switch from '@mui/material/Switch'
import Typography from '@mui/material/Typography'
import { useId } from 'react'
import { Link as RouterLink, useSearchParams } from 'react-router'

import {
  useGetNotificationsInfiniteQuery,
  useGetUnreadCountQuery,
  useMarkAllNotificationsReadMutation,
  useMarkNotificationReadMutation,
} from '../../api/notifications'
import { errorMessageOf } from '../../api/problem'
import type { AppNotification } from '../../api/types'
import { ErrorState } from '../../components/ErrorState'
import { LoadMore } from '../../components/LoadMore'
import { LoadingState } from '../../components/LoadingState'
import { formatDateTime } from '../account/formatDate'
import { RequireSignIn } from '../auth/RequireSignIn'
import { kindLabel, timeAgo } from './notificationLabels'

/** `/notifications`: everything the bell said, newest first, with "mark all read". */
export function NotificationsPage() {
  return (
    <RequireSignIn>
      <Notifications />
    </RequireSignIn>
  )
}

function Notifications() {
  const [searchParams, setSearchParams] = useSearchParams()
  const unreadOnly = searchParams.get('unread') === '1'
  const query = useGetNotificationsInfiniteQuery({ unreadOnly })
  const { data: count } = useGetUnreadCountQuery()
  const [markAll, markAllState] = useMarkAllNotificationsReadMutation()
  const headingId = useId()
  const items = query.data?.pages.flatMap((page) => page.items) ?? []
  const unread = count?.unread ?? query.data?.pages[0]?.unread ?? 0

  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-4">
      <title>Notifications · TechMarket</title>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Typography id={headingId} variant="h1">
          Notifications
        </Typography>
        <Link component={RouterLink} to="/account/notifications" variant="body2">
          Notification settings
        </Link>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <FormControlLabel
          control={
            <Switch
              checked={unreadOnly}
              onChange={(event) => setSearchParams(event.target.checked ? { unread: '1' } : {}, { replace: true })}
            />
          }
          label="Unread only"
        />
        <Button
          variant="outlined"
          startIcon={<DoneAllIcon />}
          disabled={unread === 0}
          loading={markAllState.isLoading}
          onClick={() => void markAll()}
        >
          Mark all as read
        </Button>
      </div>
      <Typography role="status" variant="body2" color="text.secondary">
        {unread === 0 ? 'You have read everything.' : `${unread} unread`}
      </Typography>
      {markAllState.isError && (
        <Alert severity="error" role="alert">
          {errorMessageOf(markAllState.error).title}
        </Alert>
      )}
      {query.isLoading ? (
        <LoadingState label="Loading your notifications" variant="list" count={4} />
      ) : query.isError && items.length === 0 ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Paper variant="outlined" className="p-6">
          <Typography>{unreadOnly ? 'No unread notifications.' : 'No notifications yet. Orders, offers and payouts show up here.'}</Typography>
        </Paper>
      ) : (
        <ul aria-labelledby={headingId} className="m-0 flex list-none flex-col gap-2 p-0">
          {items.map((notification) => (
            <NotificationRow key={notification.id} notification={notification} />
          ))}
        </ul>
      )}
      <LoadMore query={query} />
    </div>
  )
}

function NotificationRow({ notification }: { notification: AppNotification }) {
  const [markRead, { isLoading }] = useMarkNotificationReadMutation()
  const unread = !notification.read
  const title = (
    <>
      {unread && <span className="sr-only">Unread:</span>}
      {unread && ' '}
      {notification.title}
    </>
  )
  return (
    <Paper
      component="li"
      variant="outlined"
      className="flex flex-col gap-1 p-3 sm:flex-row sm:items-start sm:gap-3 sm:p-4"
      sx={unread ? { borderLeftWidth: 4, borderLeftColor: 'primary.main', bgcolor: 'action.hover' } : undefined}
    >
      <div className="flex min-w-0 flex-1 flex-col gap-0.5">
        <Typography variant="caption" color="text.secondary">
          {kindLabel(notification.kind)} ·{' '}
          <time dateTime={notification.created_at} title={formatDateTime(notification.created_at)}>
            {timeAgo(notification.created_at)}
          </time>
        </Typography>
        <Typography component="p" sx={{ fontWeight: unread ? 700 : 500 }} className="break-words">
          {notification.link ? (
            <Link
              component={RouterLink}
              to={notification.link}
              color="inherit"
              onClick={() => {
                if (unread) void markRead(notification.id)
              }}
            >
              {title}
            </Link>
          ) : (
            title
          )}
        </Typography>
        <Typography variant="body2" className="break-words">
          {notification.body}
        </Typography>
      </div>
      {unread && (
        <Button
          size="small"
          className="self-start"
          disabled={isLoading}
          onClick={() => void markRead(notification.id)}
          aria-label={`Mark “${notification.title}” as read`}
        >
          Mark as read
        </Button>
      )}
    </Paper>
  )
}
