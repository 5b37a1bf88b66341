import NotificationsIcon from '@mui/icons-material/Notifications'
import Badge from '@mui/material/Badge'
import Divider from '@mui/material/Divider'
import IconButton from '@mui/material/IconButton'
import ListItemText from '@mui/material/ListItemText'
import ListSubheader from '@mui/material/ListSubheader'
import Menu from '@mui/material/Menu'
import MenuItem from '@mui/material/MenuItem'
import Tooltip from '@mui/material/Tooltip'
import { skipToken } from '@reduxjs/toolkit/query'
import { useCallback, useId, useState } from 'react'
import { Link as RouterLink } from 'react-router'

import {
  notificationStreamEvent,
  useGetLatestNotificationsQuery,
  useGetUnreadCountQuery,
  useMarkNotificationReadMutation,
} from '../../api/notifications'
import type { AppNotification } from '../../api/types'
import { useEventStream, type StreamEvent } from '../../api/useEventStream'
import { useAppDispatch } from '../../app/hooks'
import { timeAgo } from './notificationLabels'

/** "Notifications, 3 unread". */
export function bellLabel(unread: number): string {
  return unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'
}

/**
 * The header's bell (signed in only): the unread count, kept live by the notifications stream,
 * and a menu of the newest notifications. Choosing one marks it read and goes where it points.
 */
export function NotificationBell() {
  const dispatch = useAppDispatch()
  const { data: count } = useGetUnreadCountQuery()
  const onEvent = useCallback(({ event, data }: StreamEvent) => dispatch(notificationStreamEvent(event, data)), [dispatch])
  useEventStream('/notifications/stream', onEvent)
  const [anchor, setAnchor] = useState<HTMLElement | null>(null)
  // Asked for when the menu opens; refetched on each live notification while it is open.
  const latest = useGetLatestNotificationsQuery(anchor !== null ? undefined : skipToken)
  const [markRead] = useMarkNotificationReadMutation()
  const menuId = useId()
  const unread = count?.unread ?? 0
  const label = bellLabel(unread)

  return (
    <>
      <Tooltip title="Notifications">
        <IconButton
          color="inherit"
          aria-label={label}
          aria-haspopup="true"
          aria-expanded={anchor !== null}
          aria-controls={anchor !== null ? menuId : undefined}
          onClick={(event) => setAnchor(event.currentTarget)}
        >
          <Badge badgeContent={unread} max={99} color="error">
            <NotificationsIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={anchor !== null}
        onClose={() => setAnchor(null)}
        slotProps={{ list: { 'aria-label': 'Latest notifications', dense: true }, paper: { className: 'w-[min(24rem,calc(100vw-2rem))]' } }}
      >
        {latestMenuItems(latest, (notification) => {
          if (notification && !notification.read) void markRead(notification.id)
          setAnchor(null)
        })}
      </Menu>
    </>
  )
}

type LatestQuery = ReturnType<typeof useGetLatestNotificationsQuery>

/**
 * The menu's items, as direct children of the menu so its keyboard handling finds them:
 * a heading, the newest notifications, then "See all" and the settings.
 */
function latestMenuItems(latest: LatestQuery, onChoose: (notification?: AppNotification) => void) {
  const items: AppNotification[] = latest.data?.items ?? []
  return [
    <ListSubheader key="heading" className="leading-10">
      Notifications
    </ListSubheader>,
    latest.isLoading && (
      <MenuItem key="loading" disabled>
        Loading…
      </MenuItem>
    ),
    latest.isError && (
      <MenuItem key="error" disabled>
        Notifications could not be loaded.
      </MenuItem>
    ),
    latest.data && items.length === 0 && (
      <MenuItem key="empty" disabled>
        Nothing new.
      </MenuItem>
    ),
    ...items.map((notification) => (
      <NotificationMenuItem key={notification.id} notification={notification} onChoose={() => onChoose(notification)} />
    )),
    <Divider key="divider" />,
    <MenuItem key="all" component={RouterLink} to="/notifications" onClick={() => onChoose()}>
      See all notifications
    </MenuItem>,
    <MenuItem key="settings" component={RouterLink} to="/account/notifications" onClick={() => onChoose()}>
      Notification settings
    </MenuItem>,
  ].filter(Boolean)
}

function NotificationMenuItem({ notification, onChoose }: { notification: AppNotification; onChoose: () => void }) {
  const text = (
    <ListItemText
      primary={
        <>
          {!notification.read && <span className="sr-only">Unread:</span>}
          {!notification.read && ' '}
          {notification.title}
        </>
      }
      secondary={`${notification.body} · ${timeAgo(notification.created_at)}`}
      slotProps={{
        primary: { sx: { fontWeight: notification.read ? 400 : 700 } },
        secondary: { className: 'line-clamp-2 whitespace-normal' },
      }}
    />
  )
  const unreadMark = !notification.read && (
    <span aria-hidden className="mt-2 mr-2 h-2 w-2 shrink-0 self-start rounded-full bg-blue-600" />
  )
  return notification.link ? (
    <MenuItem component={RouterLink} to={notification.link} onClick={onChoose} className="items-start whitespace-normal">
      {unreadMark}
      {text}
    </MenuItem>
  ) : (
    <MenuItem onClick={onChoose} className="items-start whitespace-normal">
      {unreadMark}
      {text}
    </MenuItem>
  )
}
