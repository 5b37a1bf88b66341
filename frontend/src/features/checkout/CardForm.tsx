import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import type { ReactNode } from 'react'

import type { CardDetails } from '../../api/types'

export const CARD_FIELDS = ['number', 'exp_month', 'exp_year', 'cvc'] as const
export type CardField = (typeof CARD_FIELDS)[number]

/** The card as typed. It stays in this component's owner (React state), never in the Redux store. */
export type CardDraft = Record<CardField, string>

export const emptyCard: CardDraft = { number: '', exp_month: '', exp_year: '', cvc: '' }

/** Digits only: "4242 4242-4242 4242" → "4242424242424242". */
const digitsOf = (text: string) => text.replace(/[\s-]/g, '')

/** The Luhn checksum every card number carries: catches most typos before anything is sent. */
export function luhnValid(digits: string): boolean {
  let sum = 0
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index])
    if (index % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}

/**
 * Checks the card in the browser and gives the processor's request body, or the problems by
 * field. Two-digit years are read as 20YY. `now` is for tests.
 */
export function readCard(
  draft: CardDraft,
  now = new Date(),
): { card: CardDetails; errors?: undefined } | { card?: undefined; errors: Partial<Record<CardField, string[]>> } {
  const errors: Partial<Record<CardField, string[]>> = {}
  const number = digitsOf(draft.number)
  if (!number) errors.number = ['Enter the card number.']
  else if (!/^\d{12,19}$/.test(number) || !luhnValid(number)) errors.number = ['This card number is not valid. Check the digits.']
  const month = Number(draft.exp_month.trim())
  if (!/^\d{1,2}$/.test(draft.exp_month.trim()) || month < 1 || month > 12) errors.exp_month = ['Enter the month as 1 to 12.']
  const yearText = draft.exp_year.trim()
  let year = Number(yearText)
  if (/^\d{2}$/.test(yearText)) year += 2000
  if (!/^(\d{2}|\d{4})$/.test(yearText)) errors.exp_year = ['Enter the year, such as 2030.']
  else if (!errors.exp_month && (year < now.getFullYear() || (year === now.getFullYear() && month < now.getMonth() + 1))) {
    errors.exp_year = ['This card has expired.']
  }
  const cvc = draft.cvc.trim()
  if (!/^\d{3,4}$/.test(cvc)) errors.cvc = ['Enter the 3 or 4 digits on the back of the card.']
  if (Object.keys(errors).length > 0) return { errors }
  return { card: { number, exp_month: month, exp_year: year, cvc } }
}

type FieldProps = { id: string; error: boolean; helperText: ReactNode }

type CardFormProps = {
  value: CardDraft
  onChange: (value: CardDraft) => void
  fieldProps: (field: CardField, helperText?: string) => FieldProps
  disabled?: boolean
}

/**
 * A new card. The browser's autofill fills it (`cc-*`), phones show the number pad. What is typed
 * goes straight to the payment processor when paying, never to TechMarket.
 */
export function CardForm({ value, onChange, fieldProps, disabled = false }: CardFormProps) {
  const set = (field: CardField) => (event: { target: { value: string } }) => onChange({ ...value, [field]: event.target.value })
  return (
    <fieldset className="m-0 flex min-w-0 flex-col gap-4 border-0 p-0" disabled={disabled}>
      <legend className="sr-only">New card</legend>
      <TextField
        {...fieldProps('number')}
        label="Card number"
        required
        fullWidth
        value={value.number}
        onChange={set('number')}
        autoComplete="cc-number"
        slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 23, spellCheck: false, name: 'cc-number' } }}
      />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        <TextField
          {...fieldProps('exp_month', 'MM')}
          label="Expiry month"
          required
          value={value.exp_month}
          onChange={set('exp_month')}
          autoComplete="cc-exp-month"
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 2, name: 'cc-exp-month' } }}
        />
        <TextField
          {...fieldProps('exp_year', 'YYYY')}
          label="Expiry year"
          required
          value={value.exp_year}
          onChange={set('exp_year')}
          autoComplete="cc-exp-year"
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 4, name: 'cc-exp-year' } }}
        />
        <TextField
          {...fieldProps('cvc', '3 or 4 digits')}
          label="Security code (CVC)"
          required
          value={value.cvc}
          onChange={set('cvc')}
          autoComplete="cc-csc"
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 4, name: 'cc-csc' } }}
        />
      </div>
      <Typography variant="body2" color="text.secondary">
        Your card goes straight to our payment processor; TechMarket keeps only its brand, last four digits and expiry.
      </Typography>
    </fieldset>
  )
}
