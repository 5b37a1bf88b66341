import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Button from '@mui/material/Button'
import Link from '@mui/material/Link'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { useEffect, useState, type FormEvent } from 'react'
import { Link as RouterLink, Navigate, useSearchParams } from 'react-router'

import { isTokenPair, useLoginMfaMutation, useLoginMutation } from '../../api/auth'
import { statusOf } from '../../api/problem'
import { useAppDispatch, useAppSelector } from '../../app/hooks'
import { AuthCard } from './AuthCard'
import { selectAccessToken, selectSignedOutReason, signedOutReasonDismissed } from './authSlice'
import { FormAlert } from './FormAlert'
import { useFormErrors } from './formErrors'
import { PasswordField } from './PasswordField'
import { safeNextPath } from './safeNextPath'
import { SocialSignIn } from './SocialSignIn'

const PASSWORD_FIELDS = ['email', 'password'] as const
const CODE_FIELDS = ['code'] as const

/** Longest `?error=` message shown: it comes from a URL anyone can craft. */
const MAX_ERROR_LENGTH = 200

/**
 * `/sign-in?next=…`: email and password (or a social provider), then the 6-digit code when the
 * account has MFA. Social sign-in comes back here with `?mfa_token=` (straight to the code step)
 * or `?error=` (shown above the form).
 */
export function SignInPage() {
  const [searchParams, setSearchParams] = useSearchParams()
  const next = safeNextPath(searchParams.get('next'))
  const token = useAppSelector(selectAccessToken)
  const [mfaToken, setMfaToken] = useState<string | null>(() => searchParams.get('mfa_token') || null)
  const [socialError, setSocialError] = useState<string | null>(
    () => searchParams.get('error')?.trim().slice(0, MAX_ERROR_LENGTH) || null,
  )
  // Kept across "Start over", so the email need not be typed again.
  const [email, setEmail] = useState('')

  // Read once into state; the token (one use, short-lived) leaves the address bar and history.
  const inUrl = searchParams.has('mfa_token') || searchParams.has('error')
  useEffect(() => {
    if (!inUrl) return
    setSearchParams(
      (current) => {
        const cleaned = new URLSearchParams(current)
        cleaned.delete('mfa_token')
        cleaned.delete('error')
        return cleaned
      },
      { replace: true },
    )
  }, [inUrl, setSearchParams])

  // Signed in (just now, or already): on to where the person was going.
  if (token !== null) return <Navigate to={next} replace />
  if (mfaToken !== null) {
    return <CodeStep mfaToken={mfaToken} onStartOver={() => setMfaToken(null)} />
  }
  return (
    <PasswordStep
      next={next}
      initialEmail={email}
      socialError={socialError}
      onDismissSocialError={() => setSocialError(null)}
      onChallenge={(challengeToken, challengeEmail) => {
        setEmail(challengeEmail)
        setMfaToken(challengeToken)
      }}
    />
  )
}

function PasswordStep({
  next,
  initialEmail,
  socialError,
  onDismissSocialError,
  onChallenge,
}: {
  next: string
  initialEmail: string
  socialError: string | null
  onDismissSocialError: () => void
  onChallenge: (mfaToken: string, email: string) => void
}) {
  const dispatch = useAppDispatch()
  const signedOutReason = useAppSelector(selectSignedOutReason)
  const [login, { isLoading }] = useLoginMutation()
  const [email, setEmail] = useState(initialEmail)
  const [password, setPassword] = useState('')
  const form = useFormErrors(PASSWORD_FIELDS)

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const missing: Partial<Record<(typeof PASSWORD_FIELDS)[number], string[]>> = {}
    if (!email.trim()) missing.email = ['Enter your email address.']
    if (!password) missing.password = ['Enter your password.']
    if (Object.keys(missing).length > 0) {
      form.show(missing, null)
      return
    }
    form.clear()
    try {
      const answer = await login({ email: email.trim(), password }).unwrap()
      // Tokens are stored by the endpoint, and the page moves on; a challenge needs the code.
      if (!isTokenPair(answer)) onChallenge(answer.mfa_token, email.trim())
    } catch (error) {
      form.showProblem(error)
    }
  }

  return (
    <AuthCard title="Sign in">
      {signedOutReason && (
        <Alert severity="info" role="status" onClose={() => dispatch(signedOutReasonDismissed())}>
          {signedOutReason}
        </Alert>
      )}
      {socialError && (
        <Alert severity="error" onClose={onDismissSocialError}>
          <AlertTitle>We could not sign you in</AlertTitle>
          {socialError}
        </Alert>
      )}
      <SocialSignIn next={next} />
      <FormAlert id={form.alertId} message={form.alert} />
      <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-4">
        <TextField
          {...form.fieldProps('email')}
          label="Email"
          type="email"
          autoComplete="username"
          required
          fullWidth
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <PasswordField
          {...form.fieldProps('password')}
          label="Password"
          autoComplete="current-password"
          required
          fullWidth
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <Button type="submit" variant="contained" size="large" disabled={isLoading}>
          {isLoading ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
      <div className="flex flex-col gap-2 sm:flex-row sm:justify-between">
        <Link component={RouterLink} to="/forgot-password">
          Forgot your password?
        </Link>
        <Link component={RouterLink} to={next === '/' ? '/sign-up' : `/sign-up?${new URLSearchParams({ next })}`}>
          Create an account
        </Link>
      </div>
    </AuthCard>
  )
}

/** The second step: a code from the authenticator app, or one of the recovery codes. */
function CodeStep({ mfaToken, onStartOver }: { mfaToken: string; onStartOver: () => void }) {
  const [loginMfa, { isLoading }] = useLoginMfaMutation()
  const [useRecoveryCode, setUseRecoveryCode] = useState(false)
  const [code, setCode] = useState('')
  const form = useFormErrors(CODE_FIELDS)

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const value = useRecoveryCode ? code.trim().toLowerCase() : code.replace(/\s/g, '')
    if (!useRecoveryCode && !/^\d{6}$/.test(value)) {
      form.show({ code: ['Enter the 6 digits your authenticator app shows.'] }, null)
      return
    }
    if (useRecoveryCode && !value) {
      form.show({ code: ['Enter one of your recovery codes.'] }, null)
      return
    }
    form.clear()
    try {
      await loginMfa({ mfa_token: mfaToken, code: value }).unwrap()
    } catch (error) {
      form.showProblem(
        error,
        statusOf(error) === 401 ? { code: [useRecoveryCode ? 'That recovery code did not work.' : 'That code did not work.'] } : {},
      )
    }
  }

  return (
    <AuthCard title="Two-step verification" focusHeading>
      <Typography color="text.secondary">
        {useRecoveryCode
          ? 'Enter one of the recovery codes you saved when you set up two-step sign-in. Each code works once.'
          : 'Enter the 6-digit code from your authenticator app.'}
      </Typography>
      <FormAlert id={form.alertId} message={form.alert} />
      <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-4">
        <TextField
          {...form.fieldProps('code')}
          key={useRecoveryCode ? 'recovery' : 'totp'}
          label={useRecoveryCode ? 'Recovery code' : '6-digit code'}
          required
          fullWidth
          autoComplete={useRecoveryCode ? 'off' : 'one-time-code'}
          placeholder={useRecoveryCode ? 'abcd-efgh-ijkl' : '123456'}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          slotProps={{
            htmlInput: useRecoveryCode
              ? { spellCheck: false, autoCapitalize: 'none' }
              : { inputMode: 'numeric', maxLength: 7 },
          }}
        />
        <Button type="submit" variant="contained" size="large" disabled={isLoading}>
          {isLoading ? 'Checking…' : 'Verify'}
        </Button>
      </form>
      <div className="flex flex-col items-start gap-1 sm:flex-row sm:justify-between">
        <Button
          onClick={() => {
            setUseRecoveryCode((value) => !value)
            setCode('')
            form.clear()
          }}
        >
          {useRecoveryCode ? 'Use a code from the app' : 'Use a recovery code'}
        </Button>
        <Button onClick={onStartOver}>Start over</Button>
      </div>
    </AuthCard>
  )
}
