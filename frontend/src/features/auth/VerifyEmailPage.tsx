import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
import Typography from '@mui/material/Typography'
import { useEffect, useRef } from 'react'
import { Link as RouterLink, useSearchParams } from 'react-router'

import { useResendVerificationMutation, useVerifyEmailMutation } from '../../api/auth'
import { errorMessageOf } from '../../api/problem'
import { useAppSelector } from '../../app/hooks'
import { AuthCard } from './AuthCard'
import { selectIsSignedIn } from './authSlice'

/** `/verify-email?token=…`, the page the emailed link opens: verifies on load. */
export function VerifyEmailPage() {
  const [searchParams] = useSearchParams()
  const token = searchParams.get('token') ?? ''
  const signedIn = useAppSelector(selectIsSignedIn)
  const [verify, { isUninitialized, isLoading, isSuccess, isError, error }] = useVerifyEmailMutation()
  const [resend, resendState] = useResendVerificationMutation()
  // A token works once: StrictMode's second effect run must not send it again.
  const sentFor = useRef<string | null>(null)

  useEffect(() => {
    if (token && sentFor.current !== token) {
      sentFor.current = token
      void verify({ token })
    }
  }, [token, verify])

  if (!token) {
    return (
      <AuthCard title="Verify your email address">
        <Alert severity="error">This link is incomplete. Open the link from the email again.</Alert>
      </AuthCard>
    )
  }
  if (isUninitialized || isLoading) {
    return (
      <AuthCard title="Verifying your email address">
        <div role="status" className="flex items-center gap-3">
          <CircularProgress size={24} aria-hidden />
          <Typography>Checking the link…</Typography>
        </div>
      </AuthCard>
    )
  }
  if (isSuccess) {
    return (
      <AuthCard title="Your email address is verified" focusHeading>
        <Typography>Thank you. You can now open a store and sell on TechMarket.</Typography>
        <Button variant="contained" component={RouterLink} to={signedIn ? '/account?tab=selling' : '/sign-in'}>
          {signedIn ? 'Go to your account' : 'Sign in'}
        </Button>
      </AuthCard>
    )
  }
  const message = errorMessageOf(isError ? error : undefined)
  return (
    <AuthCard title="We could not verify your email address" focusHeading>
      <Alert severity="error">
        <AlertTitle>{message.title}</AlertTitle>
        {message.detail ?? 'The link may have expired or been used already.'}
      </Alert>
      {signedIn ? (
        resendState.isSuccess ? (
          <Alert severity="success" role="status">We sent you a new link. It replaces the old one.</Alert>
        ) : (
          <Button variant="contained" disabled={resendState.isLoading} onClick={() => void resend()}>
            Send a new link
          </Button>
        )
      ) : (
        <Typography>
          Sign in and open your account to send a new link.{' '}
          <Button component={RouterLink} to="/sign-in?next=%2Faccount" size="small">
            Sign in
          </Button>
        </Typography>
      )}
    </AuthCard>
  )
}
