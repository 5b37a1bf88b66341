import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { useState, type FormEvent } from 'react'

import { useUpdateMeMutation } from '../../api/account'
import { useResendVerificationMutation } from '../../api/auth'
import type { Me } from '../../api/types'
import { ErrorState } from '../../components/ErrorState'
import { FormAlert } from '../auth/FormAlert'
import { useFormErrors } from '../auth/formErrors'
import { ChangeEmailForm } from './ChangeEmailForm'
import { ContactsSection } from './ContactsSection'
import { DeleteAccountSection } from './DeleteAccountSection'
import { formatDate } from './formatDate'
import { SectionCard } from './SectionCard'
import { SocialLinksSection } from './SocialLinksSection'

const NAME_FIELDS = ['display_name'] as const

export function ProfileTab({ me }: { me: Me }) {
  return (
    <div className="flex flex-col gap-4">
      <DisplayNameForm me={me} />
      <EmailSection me={me} />
      <ChangeEmailForm me={me} />
      <ContactsSection />
      <SocialLinksSection />
      <DeleteAccountSection me={me} />
    </div>
  )
}

function DisplayNameForm({ me }: { me: Me }) {
  const [updateMe, { isLoading }] = useUpdateMeMutation()
  const [displayName, setDisplayName] = useState(me.display_name)
  const [saved, setSaved] = useState(false)
  const form = useFormErrors(NAME_FIELDS)

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setSaved(false)
    if (!displayName.trim()) {
      form.show({ display_name: ['Enter the name other people will see.'] }, null)
      return
    }
    form.clear()
    try {
      const updated = await updateMe({ display_name: displayName.trim() }).unwrap()
      setDisplayName(updated.display_name)
      setSaved(true)
    } catch (error) {
      form.showProblem(error)
    }
  }

  return (
    <SectionCard title="Profile">
      <FormAlert id={form.alertId} message={form.alert} />
      {saved && <Alert severity="success" role="status">Your display name is saved.</Alert>}
      <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <TextField
          {...form.fieldProps('display_name', 'Shown to buyers and sellers you deal with.')}
          label="Display name"
          autoComplete="nickname"
          required
          value={displayName}
          onChange={(event) => {
            setDisplayName(event.target.value)
            setSaved(false)
          }}
          className="sm:flex-1"
        />
        <Button
          type="submit"
          variant="contained"
          disabled={isLoading || displayName.trim() === me.display_name}
          className="sm:mt-2"
        >
          {isLoading ? 'Saving…' : 'Save'}
        </Button>
      </form>
      <Typography variant="body2" color="text.secondary">
        Member since {formatDate(me.created_at)}
      </Typography>
    </SectionCard>
  )
}

function EmailSection({ me }: { me: Me }) {
  const [resend, { isLoading, isSuccess, isError, error }] = useResendVerificationMutation()
  return (
    <SectionCard title="Email address">
      <div className="flex flex-wrap items-center gap-2">
        <Typography className="break-all">{me.email}</Typography>
        {me.email_verified ? (
          <Chip label="Verified" color="success" size="small" />
        ) : (
          <Chip label="Not verified" color="warning" size="small" variant="outlined" />
        )}
      </div>
      {!me.email_verified && (
        <>
          <Typography variant="body2" color="text.secondary">
            Open the link we emailed you to verify this address. A verified address is needed to sell.
          </Typography>
          {isSuccess ? (
            <Alert severity="success" role="status">We sent a new link to {me.email}. It replaces any older link.</Alert>
          ) : (
            <div>
              <Button variant="outlined" disabled={isLoading} onClick={() => void resend()}>
                {isLoading ? 'Sending…' : 'Resend verification email'}
              </Button>
            </div>
          )}
          {isError && <ErrorState error={error} />}
        </>
      )}
    </SectionCard>
  )
}
