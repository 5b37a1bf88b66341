import FormControl from '@mui/material/FormControl'
import FormControlLabel from '@mui/material/FormControlLabel'
import FormHelperText from '@mui/material/FormHelperText'
import InputAdornment from '@mui/material/InputAdornment'
import Switch from '@mui/material/Switch'
import TextField from '@mui/material/TextField'
import type { ReactNode } from 'react'

import type { SpecField } from '../../api/types'
import { choiceLabel } from '../catalog/listingLabels'

type SpecFieldInputProps = {
  field: SpecField
  value: string | boolean | undefined
  onChange: (value: string | boolean) => void
  /** From `useFormErrors().fieldProps`: id, error flag, messages. */
  fieldProps: { id: string; error: boolean; helperText: ReactNode }
}

function rangeHint(field: SpecField): string | undefined {
  const unit = field.unit ? ` ${field.unit}` : ''
  if (field.minimum !== null && field.maximum !== null) return `From ${field.minimum} to ${field.maximum}${unit}.`
  if (field.minimum !== null) return `At least ${field.minimum}${unit}.`
  if (field.maximum !== null) return `At most ${field.maximum}${unit}.`
  return undefined
}

/** One spec of the category's listing form, as the input its type calls for. */
export function SpecFieldInput({ field, value, onChange, fieldProps }: SpecFieldInputProps) {
  const { id, error, helperText } = fieldProps
  if (field.type === 'boolean') {
    return (
      <FormControl error={error}>
        <FormControlLabel
          control={
            <Switch
              checked={value === true}
              onChange={(event) => onChange(event.target.checked)}
              slotProps={{ input: { id, 'aria-describedby': helperText ? `${id}-helper` : undefined } }}
            />
          }
          label={
            field.required ? (
              <>
                {field.label} <span aria-hidden>*</span>
                <span className="sr-only">(required)</span>
              </>
            ) : (
              field.label
            )
          }
        />
        {helperText && <FormHelperText id={`${id}-helper`}>{helperText}</FormHelperText>}
      </FormControl>
    )
  }

  const text = typeof value === 'string' ? value : ''
  if (field.type === 'choice') {
    return (
      <TextField
        {...fieldProps}
        select
        label={field.label}
        required={field.required}
        value={text}
        onChange={(event) => onChange(event.target.value)}
        slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
      >
        <option value="">{field.required ? 'Choose…' : 'Not given'}</option>
        {(field.choices ?? []).map((choice) => (
          <option key={choice} value={choice}>
            {choiceLabel(choice)}
          </option>
        ))}
      </TextField>
    )
  }

  if (field.type === 'text') {
    return (
      <TextField
        {...fieldProps}
        label={field.label}
        required={field.required}
        value={text}
        onChange={(event) => onChange(event.target.value)}
        slotProps={{ htmlInput: { maxLength: 200 } }}
      />
    )
  }

  return (
    <TextField
      {...fieldProps}
      helperText={error ? helperText : rangeHint(field)}
      type="number"
      label={field.label}
      required={field.required}
      value={text}
      onChange={(event) => onChange(event.target.value)}
      slotProps={{
        htmlInput: {
          min: field.minimum ?? undefined,
          max: field.maximum ?? undefined,
          step: field.type === 'integer' ? 1 : 'any',
          inputMode: field.type === 'integer' ? 'numeric' : 'decimal',
        },
        input: field.unit ? { endAdornment: <InputAdornment position="end">{field.unit}</InputAdornment> } : undefined,
      }}
    />
  )
}
