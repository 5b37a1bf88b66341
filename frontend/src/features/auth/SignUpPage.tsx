import Button from '@mui/material/Button'
import Link from '@mui/material/Link'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { useState, type FormEvent } from 'react'
import { Link as RouterLink, useSearchParams } from 'react-router'

import { useRegisterMutation } from '../../api/auth'
import { statusOf } from '../../api/problem'
import { AuthCard } from './AuthCard'
import { FormAlert } from './FormAlert'
import { useFormErrors } from './formErrors'
import { PasswordField } from './PasswordField'
import { PasswordStrengthMeter } from './PasswordStrengthMeter'
import { safeNextPath } from './safeNextPath'
import { SocialSignIn } from './SocialSignIn'
import { usePasswordStrength } from './usePasswordStrength'

const FIELDS = ['email', 'display_name', 'password'] as const
type Field = (typeof FIELDS)[number]

/** A plausible address; the server has the last word. */
export const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)

/** `/sign-up`: email, display name and password with a live strength meter. */
export function SignUpPage() {
  const [searchParams] = useSearchParams()
  const next = safeNextPath(searchParams.get('next'))
  const [register, { isLoading }] = useRegisterMutation()
  const [email, setEmail] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [password, setPassword] = useState('')
  const [registeredEmail, setRegisteredEmail] = useState<string | null>(null)
  const form = useFormErrors(FIELDS)
  const { strength } = usePasswordStrength(password, { email, display_name: displayName })

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const problems: Partial<Record<Field, string[]>> = {}
    if (!looksLikeEmail(email.trim())) problems.email = ['Enter an email address such as name@example.com.']
    if (!displayName.trim()) problems.display_name = ['Enter the name other people will see.']
    if (!password) problems.password = ['Choose a password.']
    if (Object.keys(problems).length > 0) {
      form.show(problems, null)
      return
    }
    form.clear()
    try {
      const me = await register({ email: email.trim(), password, display_name: displayName.trim() }).unwrap()
      setRegisteredEmail(me.email)
    } catch (error) {
      form.showProblem(error, statusOf(error) === 409 ? { email: ['An account with this email already exists.'] } : {})
    }
  }

  if (registeredEmail !== null) {
    return (
      <AuthCard title="Check your email to verify your address" focusHeading>
        <Typography>
          We sent a link to <strong>{registeredEmail}</strong>. Open it to verify your address; you need a
          verified address to sell on TechMarket.
        </Typography>
        <Typography color="text.secondary">
          No email after a few minutes? Look in your spam folder, or sign in and send a new link from your account.
        </Typography>
        <Button
          variant="contained"
          component={RouterLink}
          to={next === '/' ? '/sign-in' : `/sign-in?${new URLSearchParams({ next })}`}
        >
          Sign in
        </Button>
      </AuthCard>
    )
  }

  return (
    <AuthCard title="Create your account">
      <SocialSignIn next={next} />
      <FormAlert id={form.alertId} message={form.alert} />
      <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-4">
        <TextField
          {...form.fieldProps('email')}
          label="Email"
          type="email"
          autoComplete="email"
          required
          fullWidth
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          {...form.fieldProps('display_name', 'Shown to buyers and sellers you deal with.')}
          label="Display name"
          autoComplete="nickname"
          required
          fullWidth
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
        />
        <PasswordField
          {...form.fieldProps('password')}
          label="Password"
          autoComplete="new-password"
          required
          fullWidth
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <PasswordStrengthMeter strength={strength} />
        <Button type="submit" variant="contained" size="large" disabled={isLoading}>
          {isLoading ? 'Creating your account…' : 'Create account'}
        </Button>
      </form>
      <Typography variant="body2">
        Already have an account?{' '}
        <Link component={RouterLink} to={next === '/' ? '/sign-in' : `/sign-in?${new URLSearchParams({ next })}`}>
          Sign in
        </Link>
      </Typography>
    </AuthCard>
  )
}
