import Button from '@mui/material/Button'
import Checkbox from '@mui/material/Checkbox'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogTitle from '@mui/material/DialogTitle'
import FormControlLabel from '@mui/material/FormControlLabel'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { useTheme } from '@mui/material/styles'
import useMediaQuery from '@mui/material/useMediaQuery'
import { useId, useState, type FormEvent } from 'react'

import { useAddAddressMutation, useUpdateAddressMutation } from '../../api/account'
import type { Address, AddressCreate, AddressUpdate } from '../../api/types'
import { FormAlert } from '../auth/FormAlert'
import { useFormErrors } from '../auth/formErrors'
import { CountryField } from './CountryField'

// Screen order. A server message about `is_default` has no field to sit under: it goes in the alert.
const FIELDS = ['name', 'line1', 'line2', 'postal_code', 'city', 'region', 'country', 'phone'] as const
type Field = (typeof FIELDS)[number]

type Draft = {
  name: string
  line1: string
  line2: string
  postal_code: string
  city: string
  region: string
  country: string
  phone: string
  is_default: boolean
}

const TEXT_FIELDS = ['name', 'line1', 'line2', 'postal_code', 'city', 'region', 'country', 'phone'] as const
const OPTIONAL: ReadonlySet<string> = new Set(['line2', 'region', 'phone'])

const REQUIRED_MESSAGES: Partial<Record<Field, string>> = {
  name: 'Enter the name of the person who receives the parcels.',
  line1: 'Enter the street and house number.',
  postal_code: 'Enter the postal code.',
  city: 'Enter the city or town.',
  country: 'Choose the country.',
}

function draftOf(address: Address | null): Draft {
  return {
    name: address?.name ?? '',
    line1: address?.line1 ?? '',
    line2: address?.line2 ?? '',
    postal_code: address?.postal_code ?? '',
    city: address?.city ?? '',
    region: address?.region ?? '',
    country: address?.country ?? '',
    phone: address?.phone ?? '',
    is_default: address?.is_default ?? false,
  }
}

type AddressDialogProps = {
  open: boolean
  /** The address to edit; `null` to add a new one. */
  address: Address | null
  onClose: () => void
  onSaved: (message: string) => void
}

/** Add or edit an address, in a dialog that fills the screen on phones. */
export function AddressDialog({ open, address, onClose, onSaved }: AddressDialogProps) {
  const theme = useTheme()
  const phone = useMediaQuery(theme.breakpoints.down('sm'))
  const titleId = useId()
  return (
    <Dialog open={open} onClose={onClose} fullScreen={phone} fullWidth maxWidth="sm" aria-labelledby={titleId}>
      {/* Mounted per opening, so every opening starts from the address as saved. */}
      {open && <AddressForm titleId={titleId} address={address} onClose={onClose} onSaved={onSaved} />}
    </Dialog>
  )
}

function AddressForm({
  titleId,
  address,
  onClose,
  onSaved,
}: Omit<AddressDialogProps, 'open'> & { titleId: string }) {
  const [addAddress, addState] = useAddAddressMutation()
  const [updateAddress, updateState] = useUpdateAddressMutation()
  const [draft, setDraft] = useState<Draft>(() => draftOf(address))
  const form = useFormErrors(FIELDS)
  const saving = addState.isLoading || updateState.isLoading

  const set = <Key extends keyof Draft>(key: Key, value: Draft[Key]) => setDraft((current) => ({ ...current, [key]: value }))

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const problems: Partial<Record<Field, string[]>> = {}
    for (const [field, message] of Object.entries(REQUIRED_MESSAGES) as [Field, string][]) {
      const value = draft[field as keyof Draft]
      if (typeof value === 'string' && !value.trim()) problems[field] = [message]
    }
    if (Object.keys(problems).length > 0) {
      form.show(problems, null)
      return
    }
    form.clear()
    try {
      if (address === null) {
        const body: AddressCreate = {
          name: draft.name.trim(),
          line1: draft.line1.trim(),
          city: draft.city.trim(),
          postal_code: draft.postal_code.trim(),
          country: draft.country,
          ...(draft.line2.trim() ? { line2: draft.line2.trim() } : {}),
          ...(draft.region.trim() ? { region: draft.region.trim() } : {}),
          ...(draft.phone.trim() ? { phone: draft.phone.trim() } : {}),
          ...(draft.is_default ? { is_default: true } : {}),
        }
        await addAddress(body).unwrap()
        onSaved(`The address for ${body.name} is saved.`)
      } else {
        // Only what changed; an emptied optional field is cleared with null.
        const changes: Record<string, string | boolean | null> = {}
        for (const field of TEXT_FIELDS) {
          const value = draft[field].trim()
          const before = address[field] ?? ''
          if (value !== before) changes[field] = value === '' && OPTIONAL.has(field) ? null : value
        }
        if (draft.is_default && !address.is_default) changes.is_default = true
        if (Object.keys(changes).length > 0) {
          await updateAddress({ id: address.id, changes: changes as AddressUpdate }).unwrap()
        }
        onSaved(`The address for ${draft.name.trim()} is saved.`)
      }
    } catch (error) {
      form.showProblem(error)
    }
  }

  const text = (field: Exclude<(typeof TEXT_FIELDS)[number], 'country'>, helperText?: string) => ({
    ...form.fieldProps(field, helperText),
    value: draft[field],
    onChange: (event: { target: { value: string } }) => set(field, event.target.value),
    fullWidth: true,
  })

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="flex min-h-0 flex-1 flex-col">
      <DialogTitle id={titleId}>{address === null ? 'Add an address' : 'Edit address'}</DialogTitle>
      <DialogContent dividers className="flex flex-col gap-4">
        <FormAlert id={form.alertId} message={form.alert} />
        <TextField
          {...text('name', 'Who receives the parcels.')}
          label="Full name"
          autoComplete="name"
          required
          autoFocus
        />
        <TextField {...text('line1', 'Street and house number.')} label="Address line 1" autoComplete="address-line1" required />
        <TextField
          {...text('line2', 'Apartment, floor, building or c/o. Optional.')}
          label="Address line 2"
          autoComplete="address-line2"
        />
        <div className="flex flex-col gap-4 sm:flex-row">
          <TextField
            {...text('postal_code')}
            label="Postal code"
            autoComplete="postal-code"
            required
            className="sm:w-40 sm:shrink-0"
          />
          <TextField {...text('city')} label="City" autoComplete="address-level2" required />
        </div>
        <div className="flex flex-col gap-4 sm:flex-row">
          <TextField
            {...text('region', 'Where the country uses one. Optional.')}
            label="State, province or region"
            autoComplete="address-level1"
          />
          <CountryField
            value={draft.country}
            onChange={(code) => set('country', code)}
            fieldProps={form.fieldProps('country')}
            required
          />
        </div>
        <TextField
          {...text('phone', 'For the courier, if they need to reach the recipient. Optional.')}
          label="Phone"
          type="tel"
          autoComplete="tel"
        />
        {address?.is_default ? (
          <Typography variant="body2" color="text.secondary">
            This is your default address.
          </Typography>
        ) : (
          <FormControlLabel
            control={
              <Checkbox
                checked={draft.is_default}
                onChange={(event) => set('is_default', event.target.checked)}
              />
            }
            label="Use as my default address"
          />
        )}
      </DialogContent>
      <DialogActions className="px-6 py-4">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="contained" disabled={saving}>
          {saving ? 'Saving…' : address === null ? 'Save address' : 'Save changes'}
        </Button>
      </DialogActions>
    </form>
  )
}
