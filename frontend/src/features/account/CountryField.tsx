import Autocomplete from '@mui/material/Autocomplete'
import TextField from '@mui/material/TextField'
import { useMemo, type ReactNode, type SyntheticEvent } from 'react'

import { countryOptions, type Country } from './countries'

/**
 * The country a browser's autofill or a person typed in full: an exact name ("germany"), or
 * an ISO code ("DE") when it was not typed key by key (autofill of `autocomplete="country"`
 * gives the code; typing "in" must not jump to India).
 */
export function matchCountry(countries: Country[], text: string, allowCode: boolean): Country | undefined {
  const wanted = text.trim().toLocaleLowerCase()
  if (!wanted) return undefined
  return (
    countries.find((country) => country.name.toLocaleLowerCase() === wanted) ??
    (allowCode && wanted.length === 2 ? countries.find((country) => country.code.toLowerCase() === wanted) : undefined)
  )
}

/** Typing and deleting carry an `inputType`; autofill and the Autocomplete's own resets don't. */
function isTypedByHand(event: SyntheticEvent | null | undefined): boolean {
  const inputType = (event?.nativeEvent as Partial<InputEvent> | undefined)?.inputType
  return typeof inputType === 'string' && inputType !== '' && inputType !== 'insertReplacementText'
}

type CountryFieldProps = {
  /** ISO 3166-1 alpha-2, or '' for none. */
  value: string
  onChange: (code: string) => void
  /** `form.fieldProps('country', …)`: the id (so a failed submit can focus it), error and helper text. */
  fieldProps: { id: string; error: boolean; helperText: ReactNode }
  label?: string
  required?: boolean
}

/** Country picker with type-to-search over the names in the reader's language; the value is the ISO code. */
export function CountryField({ value, onChange, fieldProps, label = 'Country', required = false }: CountryFieldProps) {
  const countries = useMemo(() => countryOptions(), [])
  const selected = countries.find((country) => country.code === value) ?? null
  const { id, ...textFieldProps } = fieldProps

  return (
    <Autocomplete
      id={id}
      options={countries}
      value={selected}
      onChange={(_event, country) => onChange(country?.code ?? '')}
      onInputChange={(event, text, reason) => {
        if (reason !== 'input') return
        const match = matchCountry(countries, text, !isTypedByHand(event))
        if (match && match.code !== value) onChange(match.code)
      }}
      getOptionLabel={(country) => country.name}
      getOptionKey={(country) => country.code}
      isOptionEqualToValue={(option, current) => option.code === current.code}
      autoHighlight
      fullWidth
      renderInput={(params) => (
        <TextField
          {...params}
          {...textFieldProps}
          label={label}
          required={required}
          slotProps={{
            ...params.slotProps,
            htmlInput: { ...params.slotProps.htmlInput, autoComplete: 'country' },
          }}
        />
      )}
    />
  )
}
