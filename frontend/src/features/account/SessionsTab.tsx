import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import Divider from '@mui/material/Divider'
import Typography from '@mui/material/Typography'
import { Fragment, useState } from 'react'

import { useGetSessionsQuery, useRevokeSessionMutation } from '../../api/auth'
import { errorMessageOf } from '../../api/problem'
import type { Session } from '../../api/types'
import { ErrorState } from '../../components/ErrorState'
import { LoadingState } from '../../components/LoadingState'
import { describeUserAgent, formatDateTime } from './formatDate'
import { SectionCard } from './SectionCard'

/** Where the account is signed in; any other device can be signed out from here. */
export function SessionsTab() {
  const { data: sessions, isLoading, isError, error, refetch } = useGetSessionsQuery()
  const [revoke, { isLoading: revoking, originalArgs: revokingId }] = useRevokeSessionMutation()
  const [failure, setFailure] = useState<string | null>(null)

  const revokeSession = async (session: Session) => {
    setFailure(null)
    try {
      await revoke(session.id).unwrap()
    } catch (caught) {
      const message = errorMessageOf(caught as Parameters<typeof errorMessageOf>[0])
      setFailure(`${describeUserAgent(session.user_agent)} was not signed out: ${message.title}`)
    }
  }

  return (
    <SectionCard title="Where you are signed in">
      <Typography variant="body2" color="text.secondary">
        Sign out a device you don&apos;t recognise or no longer use, then change your password.
      </Typography>
      {failure && <Alert severity="error">{failure}</Alert>}
      {isLoading ? (
        <LoadingState label="Loading your sessions" variant="page" />
      ) : isError || !sessions ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : (
        <ul aria-label="Sessions" className="m-0 flex list-none flex-col p-0">
          {[...sessions]
            .sort((a, b) => Number(b.current) - Number(a.current) || b.last_seen_at.localeCompare(a.last_seen_at))
            .map((session, index) => {
              const device = describeUserAgent(session.user_agent)
              return (
                <Fragment key={session.id}>
                  {index > 0 && <Divider component="li" aria-hidden />}
                  <li
                    aria-label={device}
                    className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between"
                  >
                    <div className="min-w-0">
                      <div className="flex flex-wrap items-center gap-2">
                        <Typography sx={{ fontWeight: 600 }}>{device}</Typography>
                        {session.current && <Chip label="This device" color="primary" size="small" />}
                      </div>
                      <Typography variant="body2" color="text.secondary">
                        {session.ip_address ?? 'Unknown address'} · last active {formatDateTime(session.last_seen_at)}
                      </Typography>
                      <Typography variant="body2" color="text.secondary">
                        Signed in {formatDateTime(session.created_at)}
                      </Typography>
                    </div>
                    {!session.current && (
                      <Button
                        variant="outlined"
                        color="error"
                        size="small"
                        aria-label={`Sign out ${device}`}
                        disabled={revoking && revokingId === session.id}
                        onClick={() => void revokeSession(session)}
                        className="self-start sm:self-auto"
                      >
                        {revoking && revokingId === session.id ? 'Signing out…' : 'Sign out'}
                      </Button>
                    )}
                  </li>
                </Fragment>
              )
            })}
        </ul>
      )}
    </SectionCard>
  )
}
