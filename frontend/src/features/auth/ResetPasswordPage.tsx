import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Link from '@mui/material/Link'
import Typography from '@mui/material/Typography'
import { useState, type FormEvent } from 'react'
import { Link as RouterLink, useSearchParams } from 'react-router'

import { useResetPasswordMutation } from '../../api/auth'
import { AuthCard } from './AuthCard'
import { FormAlert } from './FormAlert'
import { useFormErrors } from './formErrors'
import { PasswordField } from './PasswordField'
import { PasswordStrengthMeter } from './PasswordStrengthMeter'
import { usePasswordStrength } from './usePasswordStrength'

const FIELDS = ['password', 'confirm'] as const

/** `/reset-password?token=…`, the page the emailed link opens: choose a new password. */
export function ResetPasswordPage() {
  const [searchParams] = useSearchParams()
  const token = searchParams.get('token') ?? ''
  const [resetPassword, { isLoading }] = useResetPasswordMutation()
  const [password, setPassword] = useState('')
  const [confirm, setConfirm] = useState('')
  const [done, setDone] = useState(false)
  const form = useFormErrors(FIELDS)
  const { strength } = usePasswordStrength(password)

  if (!token) {
    return (
      <AuthCard title="Choose a new password">
        <Alert severity="error">This link is incomplete. Open the link from the email again, or ask for a new one.</Alert>
        <Button variant="contained" component={RouterLink} to="/forgot-password">
          Ask for a new link
        </Button>
      </AuthCard>
    )
  }

  if (done) {
    return (
      <AuthCard title="Your password has been changed" focusHeading>
        <Typography>Sign in with your new password.</Typography>
        <Button variant="contained" component={RouterLink} to="/sign-in">
          Sign in
        </Button>
      </AuthCard>
    )
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!password) {
      form.show({ password: ['Choose a new password.'] }, null)
      return
    }
    if (confirm !== password) {
      form.show({ confirm: ['The two passwords are not the same.'] }, null)
      return
    }
    form.clear()
    try {
      await resetPassword({ token, password }).unwrap()
      setDone(true)
    } catch (error) {
      form.showProblem(error)
    }
  }

  return (
    <AuthCard title="Choose a new password">
      <FormAlert
        id={form.alertId}
        message={form.alert}
        action={
          form.alert && !form.fieldErrors.password ? (
            <Button color="inherit" size="small" component={RouterLink} to="/forgot-password">
              New link
            </Button>
          ) : undefined
        }
      />
      <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-4">
        <PasswordField
          {...form.fieldProps('password')}
          label="New password"
          autoComplete="new-password"
          required
          fullWidth
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <PasswordStrengthMeter strength={strength} />
        <PasswordField
          {...form.fieldProps('confirm')}
          label="Repeat the new password"
          autoComplete="new-password"
          required
          fullWidth
          value={confirm}
          onChange={(event) => setConfirm(event.target.value)}
        />
        <Button type="submit" variant="contained" size="large" disabled={isLoading}>
          {isLoading ? 'Saving…' : 'Save new password'}
        </Button>
      </form>
      <Link component={RouterLink} to="/sign-in">
        Back to sign in
      </Link>
    </AuthCard>
  )
}
