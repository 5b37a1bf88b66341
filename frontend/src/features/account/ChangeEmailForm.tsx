import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { useState, type FormEvent } from 'react'

import { useChangeEmailMutation } from '../../api/account'
import { statusOf } from '../../api/problem'
import type { Me } from '../../api/types'
import { FormAlert } from '../auth/FormAlert'
import { useFormErrors } from '../auth/formErrors'
import { looksLikeEmail } from '../auth/SignUpPage'
import { SectionCard } from './SectionCard'
import { StepUpField, stepUpFieldOf, stepUpOf } from './StepUpField'

const FIELDS = ['new_email', 'password', 'code'] as const
type Field = (typeof FIELDS)[number]

/**
 * A new sign-in address, confirmed with the authenticator code (MFA on) or the password. The
 * new address starts unverified; the server sends it a verification link.
 */
export function ChangeEmailForm({ me }: { me: Me }) {
  const [changeEmail, { isLoading }] = useChangeEmailMutation()
  const [newEmail, setNewEmail] = useState('')
  const [proof, setProof] = useState('')
  const [changedTo, setChangedTo] = useState<string | null>(null)
  const form = useFormErrors(FIELDS)
  const proofField = stepUpFieldOf(me.mfa_enabled)

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setChangedTo(null)
    const problems: Partial<Record<Field, string[]>> = {}
    const email = newEmail.trim()
    if (!looksLikeEmail(email)) problems.new_email = ['Enter an email address such as name@example.com.']
    else if (email.toLowerCase() === me.email.toLowerCase()) problems.new_email = ['This is already your email address.']
    const stepUp = stepUpOf(me.mfa_enabled, proof)
    if ('problem' in stepUp) problems[proofField] = [stepUp.problem]
    if (Object.keys(problems).length > 0 || 'problem' in stepUp) {
      form.show(problems, null)
      return
    }
    form.clear()
    try {
      const updated = await changeEmail({ new_email: email, ...stepUp.stepUp }).unwrap()
      setNewEmail('')
      setProof('')
      setChangedTo(updated.email)
    } catch (error) {
      form.showProblem(
        error,
        statusOf(error) === 409 ? { new_email: ['Another account already uses this email address.'] } : {},
      )
    }
  }

  return (
    <SectionCard title="Change email">
      <Typography variant="body2" color="text.secondary">
        You sign in with your email address. We will send the new address a link to verify it.
      </Typography>
      {changedTo && (
        <Alert severity="success" role="status">
          Your email address is now {changedTo}. Open the link we sent there to verify it.
        </Alert>
      )}
      <FormAlert id={form.alertId} message={form.alert} />
      <form noValidate onSubmit={(event) => void submit(event)} className="flex max-w-md flex-col gap-4">
        <TextField
          {...form.fieldProps('new_email')}
          label="New email"
          type="email"
          autoComplete="email"
          required
          value={newEmail}
          onChange={(event) => setNewEmail(event.target.value)}
        />
        <StepUpField
          mfaEnabled={me.mfa_enabled}
          fieldProps={form.fieldProps(
            proofField,
            me.mfa_enabled ? 'Two-step sign-in is on, so a code from your app confirms it is you.' : undefined,
          )}
          value={proof}
          onChange={setProof}
        />
        <div>
          <Button type="submit" variant="contained" disabled={isLoading}>
            {isLoading ? 'Changing…' : 'Change email'}
          </Button>
        </div>
      </form>
    </SectionCard>
  )
}
