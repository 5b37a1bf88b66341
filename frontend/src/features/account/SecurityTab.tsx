import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { useState, type FormEvent } from 'react'

import { useChangePasswordMutation, useDisableTotpMutation } from '../../api/auth'
import type { Me } from '../../api/types'
import { FormAlert } from '../auth/FormAlert'
import { useFormErrors } from '../auth/formErrors'
import { PasswordField } from '../auth/PasswordField'
import { PasswordStrengthMeter } from '../auth/PasswordStrengthMeter'
import { usePasswordStrength } from '../auth/usePasswordStrength'
import { MfaSetup, RecoveryCodesPanel } from './MfaSetup'
import { SectionCard } from './SectionCard'
import { totpCode } from './totpCode'

export function SecurityTab({ me }: { me: Me }) {
  return (
    <div className="flex flex-col gap-4">
      <ChangePasswordForm me={me} />
      <MfaSection me={me} />
    </div>
  )
}

const PASSWORD_FIELDS = ['current_password', 'new_password', 'confirm', 'code'] as const
type ChangePasswordField = (typeof PASSWORD_FIELDS)[number]

function ChangePasswordForm({ me }: { me: Me }) {
  const [changePassword, { isLoading }] = useChangePasswordMutation()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [confirm, setConfirm] = useState('')
  const [code, setCode] = useState('')
  const [saved, setSaved] = useState(false)
  const form = useFormErrors(PASSWORD_FIELDS)
  const { strength } = usePasswordStrength(next, { email: me.email, display_name: me.display_name })

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setSaved(false)
    const problems: Partial<Record<ChangePasswordField, string[]>> = {}
    if (!current) problems.current_password = ['Enter your current password.']
    if (!next) problems.new_password = ['Choose a new password.']
    else if (confirm !== next) problems.confirm = ['The two passwords are not the same.']
    const stepUp = me.mfa_enabled ? totpCode(code) : null
    if (me.mfa_enabled && stepUp === null) problems.code = ['Enter the 6-digit code from your authenticator app.']
    if (Object.keys(problems).length > 0) {
      form.show(problems, null)
      return
    }
    form.clear()
    try {
      await changePassword({
        current_password: current,
        new_password: next,
        ...(stepUp !== null ? { code: stepUp } : {}),
      }).unwrap()
      setCurrent('')
      setNext('')
      setConfirm('')
      setCode('')
      setSaved(true)
    } catch (error) {
      form.showProblem(error)
    }
  }

  return (
    <SectionCard title="Password">
      <FormAlert id={form.alertId} message={form.alert} />
      {saved && <Alert severity="success" role="status">Your password is changed.</Alert>}
      <form noValidate onSubmit={(event) => void submit(event)} className="flex max-w-md flex-col gap-4">
        {/* Lets password managers file the new password under the right account. */}
        <input type="email" name="username" autoComplete="username" value={me.email} readOnly hidden />
        <PasswordField
          {...form.fieldProps('current_password')}
          label="Current password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
        />
        <PasswordField
          {...form.fieldProps('new_password')}
          label="New password"
          autoComplete="new-password"
          required
          value={next}
          onChange={(event) => setNext(event.target.value)}
        />
        <PasswordStrengthMeter strength={strength} />
        <PasswordField
          {...form.fieldProps('confirm')}
          label="Repeat the new password"
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(event) => setConfirm(event.target.value)}
        />
        {me.mfa_enabled && (
          <TextField
            {...form.fieldProps('code', 'Two-step sign-in is on, so a code from your app confirms it is you.')}
            label="Authenticator code"
            autoComplete="one-time-code"
            required
            value={code}
            onChange={(event) => setCode(event.target.value)}
            slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 7 } }}
          />
        )}
        <div>
          <Button type="submit" variant="contained" disabled={isLoading}>
            {isLoading ? 'Changing…' : 'Change password'}
          </Button>
        </div>
      </form>
    </SectionCard>
  )
}

/**
 * Two-step sign-in (TOTP). Recovery codes are held here, in component state only, so they
 * survive the refetch of Me that follows turning MFA on, and are gone once dismissed.
 */
function MfaSection({ me }: { me: Me }) {
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const on = me.mfa_enabled || recoveryCodes !== null

  return (
    <SectionCard
      title="Two-step sign-in"
      action={
        on ? <Chip label="On" color="success" size="small" /> : <Chip label="Off" size="small" variant="outlined" />
      }
    >
      {notice && <Alert severity="success" role="status">{notice}</Alert>}
      {recoveryCodes !== null ? (
        <RecoveryCodesPanel codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />
      ) : me.mfa_enabled ? (
        <DisableMfaForm onDisabled={() => setNotice('Two-step sign-in is off.')} />
      ) : (
        <MfaSetup
          onConfirmed={(codes) => {
            setNotice(null)
            setRecoveryCodes(codes)
          }}
        />
      )}
    </SectionCard>
  )
}

const DISABLE_FIELDS = ['code'] as const

function DisableMfaForm({ onDisabled }: { onDisabled: () => void }) {
  const [disableTotp, { isLoading }] = useDisableTotpMutation()
  const [code, setCode] = useState('')
  const form = useFormErrors(DISABLE_FIELDS)

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const digits = totpCode(code)
    if (digits === null) {
      form.show({ code: ['Enter the 6-digit code from your authenticator app.'] }, null)
      return
    }
    form.clear()
    try {
      await disableTotp({ code: digits }).unwrap()
      onDisabled()
    } catch (error) {
      form.showProblem(error)
    }
  }

  return (
    <>
      <Typography>
        Signing in asks for a code from your authenticator app after your password. To turn this off, confirm with a
        current code.
      </Typography>
      <FormAlert id={form.alertId} message={form.alert} />
      <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <TextField
          {...form.fieldProps('code')}
          label="Authenticator code"
          autoComplete="one-time-code"
          required
          value={code}
          onChange={(event) => setCode(event.target.value)}
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 7 } }}
        />
        <Button type="submit" variant="outlined" color="error" disabled={isLoading} className="sm:mt-2">
          {isLoading ? 'Turning off…' : 'Turn off two-step sign-in'}
        </Button>
      </form>
    </>
  )
}
