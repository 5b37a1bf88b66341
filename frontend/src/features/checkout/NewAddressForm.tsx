import Button from '@mui/material/Button'
import TextField from '@mui/material/TextField'
import { useState } from 'react'

import type { ShippingAddress } from '../../api/types'
import { CountryField } from '../account/CountryField'
import { useFormErrors } from '../auth/formErrors'

const FIELDS = ['name', 'line1', 'line2', 'postal_code', 'city', 'region', 'country', 'phone'] as const
type Field = (typeof FIELDS)[number]
type Draft = Record<Field, string>

const REQUIRED: Partial<Record<Field, string>> = {
  name: 'Enter the name of the person who receives the parcels.',
  line1: 'Enter the street and house number.',
  postal_code: 'Enter the postal code.',
  city: 'Enter the city or town.',
  country: 'Choose the country.',
}

function draftOf(address: ShippingAddress | null): Draft {
  return {
    name: address?.name ?? '',
    line1: address?.line1 ?? '',
    line2: address?.line2 ?? '',
    postal_code: address?.postal_code ?? '',
    city: address?.city ?? '',
    region: address?.region ?? '',
    country: address?.country ?? '',
    phone: address?.phone ?? '',
  }
}

/** An address typed at checkout, for this order only. "Use this address" asks for the quote. */
export function NewAddressForm({
  initial,
  onUse,
}: {
  initial: ShippingAddress | null
  onUse: (address: ShippingAddress) => void
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial))
  const form = useFormErrors(FIELDS)

  const use = () => {
    const problems: Partial<Record<Field, string[]>> = {}
    for (const [field, message] of Object.entries(REQUIRED) as [Field, string][]) {
      if (!draft[field].trim()) problems[field] = [message]
    }
    if (Object.keys(problems).length > 0) {
      form.show(problems, null)
      return
    }
    form.clear()
    const optional = (value: string) => (value.trim() ? value.trim() : null)
    onUse({
      name: draft.name.trim(),
      line1: draft.line1.trim(),
      line2: optional(draft.line2),
      postal_code: draft.postal_code.trim(),
      city: draft.city.trim(),
      region: optional(draft.region),
      country: draft.country,
      phone: optional(draft.phone),
    })
  }

  const text = (field: Exclude<Field, 'country'>, helperText?: string) => ({
    ...form.fieldProps(field, helperText),
    value: draft[field],
    onChange: (event: { target: { value: string } }) => setDraft((current) => ({ ...current, [field]: event.target.value })),
    fullWidth: true,
  })

  return (
    <div className="flex flex-col gap-4">
      <TextField {...text('name', 'Who receives the parcels.')} label="Full name" autoComplete="shipping name" required />
      <TextField {...text('line1', 'Street and house number.')} label="Address line 1" autoComplete="shipping address-line1" required />
      <TextField {...text('line2', 'Optional.')} label="Address line 2" autoComplete="shipping address-line2" />
      <div className="flex flex-col gap-4 sm:flex-row">
        <TextField {...text('postal_code')} label="Postal code" autoComplete="shipping postal-code" required className="sm:w-40 sm:shrink-0" />
        <TextField {...text('city')} label="City" autoComplete="shipping address-level2" required />
      </div>
      <div className="flex flex-col gap-4 sm:flex-row">
        <TextField {...text('region', 'Optional.')} label="State, province or region" autoComplete="shipping address-level1" />
        <CountryField
          value={draft.country}
          onChange={(code) => setDraft((current) => ({ ...current, country: code }))}
          fieldProps={form.fieldProps('country')}
          required
        />
      </div>
      <TextField {...text('phone', 'For the courier. Optional.')} label="Phone" type="tel" autoComplete="shipping tel" />
      <Button variant="outlined" onClick={use} className="self-start">
        Use this address
      </Button>
    </div>
  )
}
