import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import IconButton from '@mui/material/IconButton'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { useState, type FormEvent } from 'react'

import { useAddContactMutation, useDeleteContactMutation, useGetContactsQuery } from '../../api/account'
import { errorMessageOf } from '../../api/problem'
import { CONTACT_KINDS, type Contact, type ContactKind } from '../../api/types'
import { ErrorState } from '../../components/ErrorState'
import { LoadingState } from '../../components/LoadingState'
import { FormAlert } from '../auth/FormAlert'
import { useFormErrors } from '../auth/formErrors'
import { SectionCard } from './SectionCard'

export const CONTACT_KIND_LABELS: Record<ContactKind, string> = {
  phone: 'Phone',
  whatsapp: 'WhatsApp',
  signal: 'Signal',
  telegram: 'Telegram',
  email: 'Email',
}

type ValueInput = {
  label: string
  helperText: string
  type: 'tel' | 'email' | 'text'
  autoComplete: string
}

/** The value field fits the kind: its label, keyboard on phones, and what autofill offers. */
const VALUE_INPUTS: Record<ContactKind, ValueInput> = {
  phone: { label: 'Phone number', helperText: 'With the country code, e.g. +49 30 1234567.', type: 'tel', autoComplete: 'tel' },
  whatsapp: {
    label: 'WhatsApp number',
    helperText: 'With the country code, e.g. +49 151 2345678.',
    type: 'tel',
    autoComplete: 'tel',
  },
  signal: {
    label: 'Signal number or username',
    helperText: 'A phone number with the country code, or your Signal username.',
    type: 'text',
    autoComplete: 'off',
  },
  telegram: { label: 'Telegram username', helperText: 'Such as @ada_lovelace.', type: 'text', autoComplete: 'off' },
  email: { label: 'Email address', helperText: 'Another address people can write to.', type: 'email', autoComplete: 'email' },
}

const FIELDS = ['kind', 'value'] as const

/** Other ways to reach the user: phone, messengers, another email address. */
export function ContactsSection() {
  const { data: contacts, isLoading, isError, error, refetch } = useGetContactsQuery()
  const [addContact, addState] = useAddContactMutation()
  const [deleteContact, deleteState] = useDeleteContactMutation()
  const [kind, setKind] = useState<ContactKind>('phone')
  const [value, setValue] = useState('')
  const [failure, setFailure] = useState<string | null>(null)
  const form = useFormErrors(FIELDS)
  const input = VALUE_INPUTS[kind]

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!value.trim()) {
      form.show({ value: [`Enter the ${input.label.toLowerCase()}.`] }, null)
      return
    }
    form.clear()
    setFailure(null)
    try {
      await addContact({ kind, value: value.trim() }).unwrap()
      setValue('')
    } catch (caught) {
      form.showProblem(caught)
    }
  }

  const remove = async (contact: Contact) => {
    setFailure(null)
    try {
      await deleteContact(contact.id).unwrap()
    } catch (caught) {
      const message = errorMessageOf(caught as Parameters<typeof errorMessageOf>[0])
      setFailure(`${CONTACT_KIND_LABELS[contact.kind]} ${contact.value} was not deleted: ${message.title}`)
    }
  }

  return (
    <SectionCard title="Contacts">
      <Typography variant="body2" color="text.secondary">
        Other ways to reach you about your orders and listings.
      </Typography>
      {failure && <Alert severity="error">{failure}</Alert>}
      {isLoading ? (
        <LoadingState label="Loading your contacts" variant="list" count={2} />
      ) : isError || !contacts ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : contacts.length === 0 ? (
        <Typography>No contacts yet.</Typography>
      ) : (
        <ul aria-label="Contacts" className="m-0 flex list-none flex-col gap-1 p-0">
          {contacts.map((contact) => {
            const label = `${CONTACT_KIND_LABELS[contact.kind]} ${contact.value}`
            const busy = deleteState.isLoading && deleteState.originalArgs === contact.id
            return (
              <li key={contact.id} aria-label={label} className="flex items-center justify-between gap-2">
                <div className="min-w-0">
                  <Typography variant="body2" color="text.secondary">
                    {CONTACT_KIND_LABELS[contact.kind]}
                  </Typography>
                  <Typography className="break-all">{contact.value}</Typography>
                </div>
                <IconButton aria-label={`Delete ${label}`} disabled={busy} onClick={() => void remove(contact)}>
                  <DeleteOutlinedIcon />
                </IconButton>
              </li>
            )
          })}
        </ul>
      )}
      <FormAlert id={form.alertId} message={form.alert} />
      <form
        noValidate
        aria-label="Add a contact"
        onSubmit={(event) => void submit(event)}
        className="flex flex-col gap-3 sm:flex-row sm:items-start"
      >
        <TextField
          {...form.fieldProps('kind')}
          select
          label="Kind"
          value={kind}
          onChange={(event) => setKind(event.target.value as ContactKind)}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          className="sm:w-40 sm:shrink-0"
        >
          {CONTACT_KINDS.map((entry) => (
            <option key={entry} value={entry}>
              {CONTACT_KIND_LABELS[entry]}
            </option>
          ))}
        </TextField>
        <TextField
          {...form.fieldProps('value', input.helperText)}
          label={input.label}
          type={input.type}
          autoComplete={input.autoComplete}
          required
          value={value}
          onChange={(event) => setValue(event.target.value)}
          slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'none', maxLength: 200 } }}
          className="sm:flex-1"
        />
        <Button type="submit" variant="outlined" disabled={addState.isLoading} className="sm:mt-2">
          {addState.isLoading ? 'Adding…' : 'Add contact'}
        </Button>
      </form>
    </SectionCard>
  )
}
