import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Link from '@mui/material/Link'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { useMemo, useState, type FormEvent } from 'react'
import { Link as RouterLink } from 'react-router'

import { useBecomeDealerMutation } from '../../api/account'
import { useResendVerificationMutation } from '../../api/auth'
import { statusOf } from '../../api/problem'
import type { Dealer, Me } from '../../api/types'
import { FormAlert } from '../auth/FormAlert'
import { useFormErrors } from '../auth/formErrors'
import { countryOptions } from './countries'
import { SectionCard } from './SectionCard'

const FIELDS = ['store_name', 'description', 'city', 'country'] as const
type Field = (typeof FIELDS)[number]

/** Selling on TechMarket: open a store (verified email needed), or see the store. */
export function SellingTab({ me }: { me: Me }) {
  const [created, setCreated] = useState<Dealer | null>(null)
  const dealerId = me.dealer_id ?? created?.id ?? null
  if (dealerId !== null) return <YourStore dealerId={dealerId} created={created} />
  return <BecomeSellerForm me={me} onCreated={setCreated} />
}

function YourStore({ dealerId, created }: { dealerId: string; created: Dealer | null }) {
  const storePath = `/dealers/${dealerId}`
  return (
    <SectionCard title="Your store">
      {created && <Alert severity="success" role="status">Your store “{created.store_name}” is open.</Alert>}
      <Typography>
        You are a seller on TechMarket. Your store&apos;s page is{' '}
        <Link component={RouterLink} to={storePath}>
          {storePath}
        </Link>
        .
      </Typography>
      {created && (created.city || created.country) && (
        <Typography color="text.secondary">{[created.city, created.country].filter(Boolean).join(', ')}</Typography>
      )}
      <div className="flex flex-wrap gap-2">
        <Button variant="contained" component={RouterLink} to="/selling">
          My listings
        </Button>
        <Button variant="outlined" component={RouterLink} to="/selling/new">
          New listing
        </Button>
        <Button variant="outlined" component={RouterLink} to="/selling/sales">
          Sales
        </Button>
        <Button variant="outlined" component={RouterLink} to="/selling/payouts">
          Payouts
        </Button>
      </div>
    </SectionCard>
  )
}

function BecomeSellerForm({ me, onCreated }: { me: Me; onCreated: (dealer: Dealer) => void }) {
  const [becomeDealer, { isLoading }] = useBecomeDealerMutation()
  const [resend, resendState] = useResendVerificationMutation()
  const [storeName, setStoreName] = useState('')
  const [description, setDescription] = useState('')
  const [city, setCity] = useState('')
  const [country, setCountry] = useState('')
  const [forbidden, setForbidden] = useState(false)
  const form = useFormErrors(FIELDS)
  const countries = useMemo(() => countryOptions(), [])

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!storeName.trim()) {
      form.show({ store_name: ['Give your store a name.'] }, null)
      return
    }
    form.clear()
    setForbidden(false)
    try {
      const dealer = await becomeDealer({
        store_name: storeName.trim(),
        ...(description.trim() ? { description: description.trim() } : {}),
        ...(city.trim() ? { city: city.trim() } : {}),
        ...(country ? { country } : {}),
      }).unwrap()
      onCreated(dealer)
    } catch (error) {
      const status = statusOf(error)
      setForbidden(status === 403)
      const extra: Partial<Record<Field, string[]>> =
        status === 409 ? { store_name: ['Another store has this name. Try another.'] } : {}
      form.showProblem(error, extra)
    }
  }

  const resendButton =
    !me.email_verified && !resendState.isSuccess ? (
      <Button color="inherit" size="small" disabled={resendState.isLoading} onClick={() => void resend()}>
        Resend email
      </Button>
    ) : undefined

  return (
    <SectionCard title="Start selling">
      <Typography>
        Open a store to list phones, laptops and parts. Buyers see your store name, description and location.
      </Typography>
      {!me.email_verified && (
        <Alert severity="info" role="note" action={resendButton}>
          Selling needs a verified email address. Open the link we sent to {me.email} first.
        </Alert>
      )}
      {resendState.isSuccess && <Alert severity="success" role="status">We sent a new link to {me.email}.</Alert>}
      <FormAlert id={form.alertId} message={form.alert} action={forbidden ? resendButton : undefined} />
      <form noValidate onSubmit={(event) => void submit(event)} className="flex max-w-lg flex-col gap-4">
        <TextField
          {...form.fieldProps('store_name')}
          label="Store name"
          required
          value={storeName}
          onChange={(event) => setStoreName(event.target.value)}
          slotProps={{ htmlInput: { maxLength: 80 } }}
        />
        <TextField
          {...form.fieldProps('description', 'What you sell, and how you ship. Optional.')}
          label="Description"
          multiline
          minRows={3}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
        <div className="flex flex-col gap-4 sm:flex-row">
          <TextField
            {...form.fieldProps('city')}
            label="City"
            autoComplete="address-level2"
            value={city}
            onChange={(event) => setCity(event.target.value)}
            className="sm:flex-1"
          />
          <TextField
            {...form.fieldProps('country')}
            select
            label="Country"
            autoComplete="country"
            value={country}
            onChange={(event) => setCountry(event.target.value)}
            slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
            className="sm:flex-1"
          >
            <option value="">Not given</option>
            {countries.map((entry) => (
              <option key={entry.code} value={entry.code}>
                {entry.name}
              </option>
            ))}
          </TextField>
        </div>
        <div>
          <Button type="submit" variant="contained" disabled={isLoading}>
            {isLoading ? 'Opening your store…' : 'Open my store'}
          </Button>
        </div>
      </form>
    </SectionCard>
  )
}
