import LockIcon from '@mui/icons-material/Lock'
import Alert from '@mui/material/Alert'
import Breadcrumbs from '@mui/material/Breadcrumbs'
import Link from '@mui/material/Link'
import Paper from '@mui/material/Paper'
import Switch from '@mui/material/Switch'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import Typography from '@mui/material/Typography'
import { useId } from 'react'
import { Link as RouterLink } from 'react-router'

import {
  useGetNotificationPreferencesQuery,
  useUpdateNotificationPreferencesMutation,
} from '../../api/notifications'
import { errorMessageOf } from '../../api/problem'
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  type NotificationChannel,
  type NotificationKind,
  type NotificationPreference,
} from '../../api/types'
import { ErrorState } from '../../components/ErrorState'
import { LoadingState } from '../../components/LoadingState'
import { RequireSignIn } from '../auth/RequireSignIn'
import { CHANNEL_LABELS, KIND_LABELS, kindLabel } from './notificationLabels'

/** `/account/notifications`: a switch per kind and channel; security messages stay on. */
export function NotificationSettingsPage() {
  return (
    <RequireSignIn>
      <NotificationSettings />
    </RequireSignIn>
  )
}

/** The kinds in the order the app lists them, then any kind the server knows and this app not yet. */
function kindsOf(items: NotificationPreference[]): NotificationKind[] {
  const present = new Set(items.map((item) => item.kind))
  const known = NOTIFICATION_KINDS.filter((kind) => present.has(kind))
  const unknown = [...present].filter((kind) => !(NOTIFICATION_KINDS as readonly string[]).includes(kind))
  return [...known, ...unknown]
}

function NotificationSettings() {
  const { data, isLoading, isError, error, refetch } = useGetNotificationPreferencesQuery()
  const [update, updateState] = useUpdateNotificationPreferencesMutation()
  const headingId = useId()

  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-4">
      <title>Notification settings · TechMarket</title>
      <Breadcrumbs aria-label="Breadcrumb">
        <Link component={RouterLink} to="/account" color="inherit">
          Your account
        </Link>
        <Typography color="text.primary">Notifications</Typography>
      </Breadcrumbs>
      <Typography id={headingId} variant="h1">
        Notification settings
      </Typography>
      <Typography color="text.secondary">
        Choose what you hear about in the app (the bell) and by email.{' '}
        <Link component={RouterLink} to="/notifications">
          See your notifications
        </Link>
      </Typography>
      {updateState.isError && (
        <Alert severity="error" role="alert" onClose={() => updateState.reset()}>
          Your change was not saved: {errorMessageOf(updateState.error).title}
        </Alert>
      )}
      {isLoading ? (
        <LoadingState label="Loading your settings" variant="list" count={6} />
      ) : isError || !data ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : (
        <Paper variant="outlined" className="overflow-x-auto">
          <Table aria-labelledby={headingId} size="small">
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col">
                  Notification
                </TableCell>
                {NOTIFICATION_CHANNELS.map((channel) => (
                  <TableCell key={channel} component="th" scope="col" align="center" className="whitespace-nowrap">
                    {CHANNEL_LABELS[channel]}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {kindsOf(data.items).map((kind) => (
                <PreferenceRow
                  key={kind}
                  kind={kind}
                  items={data.items}
                  onChange={(channel, enabled) => {
                    updateState.reset()
                    void update([{ kind, channel, enabled }])
                  }}
                />
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
    </div>
  )
}

type PreferenceRowProps = {
  kind: NotificationKind
  items: NotificationPreference[]
  onChange: (channel: NotificationChannel, enabled: boolean) => void
}

function PreferenceRow({ kind, items, onChange }: PreferenceRowProps) {
  const reasonId = useId()
  const ofKind = items.filter((item) => item.kind === kind)
  const locked = ofKind.find((item) => item.locked)
  const label = kindLabel(kind)
  return (
    <TableRow>
      <TableCell component="th" scope="row">
        <span className="flex items-center gap-1 font-semibold">
          {label}
          {locked && <LockIcon fontSize="inherit" aria-hidden />}
        </span>
        <Typography variant="body2" color="text.secondary">
          {KIND_LABELS[kind]?.description}
        </Typography>
        {locked && (
          <Typography id={reasonId} variant="body2" color="text.secondary" className="italic">
            {locked.locked_reason ?? 'Security messages cannot be turned off.'}
          </Typography>
        )}
      </TableCell>
      {NOTIFICATION_CHANNELS.map((channel) => {
        const item = ofKind.find((entry) => entry.channel === channel)
        return (
          <TableCell key={channel} align="center">
            {item ? (
              <Switch
                checked={item.enabled}
                disabled={item.locked}
                onChange={(event) => onChange(channel, event.target.checked)}
                slotProps={{
                  input: {
                    'aria-label': `${label}: ${CHANNEL_LABELS[channel]}`,
                    ...(item.locked ? { 'aria-describedby': reasonId } : {}),
                  },
                }}
              />
            ) : (
              <span className="text-slate-500">
                <span aria-hidden>—</span>
                <span className="sr-only">Not available</span>
              </span>
            )}
          </TableCell>
        )
      })}
    </TableRow>
  )
}
