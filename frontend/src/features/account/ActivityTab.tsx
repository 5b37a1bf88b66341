import Button from '@mui/material/Button'
import Divider from '@mui/material/Divider'
import Typography from '@mui/material/Typography'
import { Fragment } from 'react'

import { useGetActivityInfiniteQuery } from '../../api/auth'
import type { ActivityKind } from '../../api/types'
import { ErrorState } from '../../components/ErrorState'
import { LoadingState } from '../../components/LoadingState'
import { describeUserAgent, formatDateTime } from './formatDate'
import { SectionCard } from './SectionCard'

export const ACTIVITY_LABELS: Record<ActivityKind, string> = {
  signed_in: 'Signed in',
  sign_in_failed: 'Failed sign-in attempt',
  password_changed: 'Password changed',
  mfa_enabled: 'Two-step sign-in turned on',
  mfa_disabled: 'Two-step sign-in turned off',
  email_verified: 'Email address verified',
  session_revoked: 'A device was signed out',
  new_device: 'Sign-in from a new device',
}

const WARNING_KINDS: ReadonlySet<ActivityKind> = new Set(['sign_in_failed', 'new_device', 'mfa_disabled'])

/** The account's security log, newest first, with "Load more". */
export function ActivityTab() {
  const { data, isLoading, isError, error, refetch, hasNextPage, fetchNextPage, isFetchingNextPage } =
    useGetActivityInfiniteQuery()
  const events = data?.pages.flatMap((page) => page.items) ?? []

  return (
    <SectionCard title="Recent security activity">
      <Typography variant="body2" color="text.secondary">
        Sign-ins and changes to your account. If something here wasn&apos;t you, change your password and sign out the
        devices you don&apos;t know.
      </Typography>
      {isLoading ? (
        <LoadingState label="Loading your activity" variant="page" />
      ) : isError ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : events.length === 0 ? (
        <Typography>No activity yet.</Typography>
      ) : (
        <>
          <ul aria-label="Activity" className="m-0 flex list-none flex-col p-0">
            {events.map((event, index) => (
              <Fragment key={event.id}>
                {index > 0 && <Divider component="li" aria-hidden />}
                <li className="flex flex-col gap-0.5 py-2 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
                  <Typography
                    sx={{ fontWeight: 600, color: WARNING_KINDS.has(event.kind) ? 'error.dark' : 'text.primary' }}
                  >
                    {ACTIVITY_LABELS[event.kind] ?? event.kind}
                  </Typography>
                  <Typography variant="body2" color="text.secondary" className="sm:text-right">
                    <time dateTime={event.created_at}>{formatDateTime(event.created_at)}</time>
                    {' · '}
                    {describeUserAgent(event.user_agent)}
                    {event.ip_address ? ` · ${event.ip_address}` : ''}
                  </Typography>
                </li>
              </Fragment>
            ))}
          </ul>
          {hasNextPage && (
            <div>
              <Button variant="outlined" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
                {isFetchingNextPage ? 'Loading…' : 'Load more'}
              </Button>
            </div>
          )}
        </>
      )}
    </SectionCard>
  )
}
