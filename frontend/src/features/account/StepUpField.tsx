import TextField from '@mui/material/TextField'
import type { ReactNode } from 'react'

import type { StepUp } from '../../api/types'
import { PasswordField } from '../auth/PasswordField'
import { totpCode } from './totpCode'

/** The field that proves it is still the owner: the TOTP `code` when MFA is on, else the `password`. */
export type StepUpFieldName = keyof StepUp

export const stepUpFieldOf = (mfaEnabled: boolean): StepUpFieldName => (mfaEnabled ? 'code' : 'password')

/**
 * The request body part for what was typed, or the message for the field when it can't be
 * sent as it is.
 */
export function stepUpOf(mfaEnabled: boolean, value: string): { stepUp: StepUp } | { problem: string } {
  if (mfaEnabled) {
    const code = totpCode(value)
    return code === null ? { problem: 'Enter the 6-digit code from your authenticator app.' } : { stepUp: { code } }
  }
  return value ? { stepUp: { password: value } } : { problem: 'Enter your current password.' }
}

type StepUpFieldProps = {
  mfaEnabled: boolean
  /** `form.fieldProps(stepUpFieldOf(mfaEnabled), …)`: id, error and helper text. */
  fieldProps: { id: string; error: boolean; helperText: ReactNode }
  value: string
  onChange: (value: string) => void
  autoFocus?: boolean
}

/** "Authenticator code" when two-step sign-in is on, otherwise "Current password". */
export function StepUpField({ mfaEnabled, fieldProps, value, onChange, autoFocus }: StepUpFieldProps) {
  if (mfaEnabled) {
    return (
      <TextField
        {...fieldProps}
        label="Authenticator code"
        autoComplete="one-time-code"
        required
        autoFocus={autoFocus}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 7 } }}
      />
    )
  }
  return (
    <PasswordField
      {...fieldProps}
      label="Current password"
      autoComplete="current-password"
      required
      autoFocus={autoFocus}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  )
}
