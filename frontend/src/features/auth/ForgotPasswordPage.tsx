import Button from '@mui/material/Button'
import Link from '@mui/material/Link'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { useState, type FormEvent } from 'react'
import { Link as RouterLink } from 'react-router'

import { useForgotPasswordMutation } from '../../api/auth'
import { AuthCard } from './AuthCard'
import { FormAlert } from './FormAlert'
import { useFormErrors } from './formErrors'
import { looksLikeEmail } from './SignUpPage'

const FIELDS = ['email'] as const

/** `/forgot-password`: asks for a reset link. The answer is the same whether the account exists. */
export function ForgotPasswordPage() {
  const [forgotPassword, { isLoading }] = useForgotPasswordMutation()
  const [email, setEmail] = useState('')
  const [sentTo, setSentTo] = useState<string | null>(null)
  const form = useFormErrors(FIELDS)

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!looksLikeEmail(email.trim())) {
      form.show({ email: ['Enter the email address of your account.'] }, null)
      return
    }
    form.clear()
    try {
      await forgotPassword({ email: email.trim() }).unwrap()
      setSentTo(email.trim())
    } catch (error) {
      form.showProblem(error)
    }
  }

  if (sentTo !== null) {
    return (
      <AuthCard title="Check your email" focusHeading>
        <Typography>
          If there is a TechMarket account for <strong>{sentTo}</strong>, we sent it a link to choose a new password.
        </Typography>
        <Typography color="text.secondary">The link works once and only for a short while.</Typography>
        <Button variant="contained" component={RouterLink} to="/sign-in">
          Back to sign in
        </Button>
      </AuthCard>
    )
  }

  return (
    <AuthCard title="Forgot your password?">
      <Typography color="text.secondary">
        Enter the email address of your account and we will send you a link to choose a new password.
      </Typography>
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
        <Button type="submit" variant="contained" size="large" disabled={isLoading}>
          {isLoading ? 'Sending…' : 'Send reset link'}
        </Button>
      </form>
      <Link component={RouterLink} to="/sign-in">
        Back to sign in
      </Link>
    </AuthCard>
  )
}
