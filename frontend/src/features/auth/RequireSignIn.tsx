import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'

import { LoadingState } from '../../components/LoadingState'
import { useAppSelector } from '../../app/hooks'
import { selectAccessToken, selectHomeNotice, selectSessionChecked } from './authSlice'
import { useRestoreSession } from './AuthSession'
import { signInPath } from './safeNextPath'

/**
 * Shows `children` to a signed-in person. While the start-up session check runs it waits;
 * signed out, it sends them to sign in and back here afterwards, unless the session ended with
 * a message for the home page (the account was just deleted): then it sends them home.
 */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const token = useAppSelector(selectAccessToken)
  const checked = useAppSelector(selectSessionChecked)
  const homeNotice = useAppSelector(selectHomeNotice)
  const location = useLocation()
  useRestoreSession()
  if (token !== null) return children
  if (!checked) return <LoadingState label="Checking your sign-in" variant="page" />
  if (homeNotice !== null) return <Navigate to="/" replace />
  return <Navigate to={signInPath(location.pathname + location.search)} replace />
}
