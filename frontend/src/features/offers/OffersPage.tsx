import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogTitle from '@mui/material/DialogTitle'
import Divider from '@mui/material/Divider'
import InputAdornment from '@mui/material/InputAdornment'
import Link from '@mui/material/Link'
import Paper from '@mui/material/Paper'
import Tab from '@mui/material/Tab'
import Tabs from '@mui/material/Tabs'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { useTheme } from '@mui/material/styles'
import useMediaQuery from '@mui/material/useMediaQuery'
import { Fragment, useId, useState, type FormEvent, type ReactNode } from 'react'
import { Link as RouterLink, useSearchParams } from 'react-router'

import { useCounterOfferMutation, useGetOffersInfiniteQuery, useMoveOfferMutation, type OfferMove } from '../../api/offers'
import { errorMessageOf, type ErrorMessage } from '../../api/problem'
import type { Offer, OfferRole, OfferStatus } from '../../api/types'
import { ErrorState } from '../../components/ErrorState'
import { LoadingState } from '../../components/LoadingState'
import { formatPrice, parseMoney } from '../../components/Price'
import { formatDateTime } from '../account/formatDate'
import { RequireSignIn } from '../auth/RequireSignIn'
import { FormAlert } from '../auth/FormAlert'
import { useFormErrors } from '../auth/formErrors'
import { productPath } from '../catalog/ProductCard'
import { AccountListLayout } from '../watchlist/AccountListLayout'
import { LoadMore } from '../../components/LoadMore'

const TABS = [
  { value: 'made', label: 'Made', role: 'buyer' },
  { value: 'received', label: 'Received', role: 'seller' },
] as const

const STATUS_LABELS: Record<OfferStatus, string> = {
  pending: 'Waiting for the seller',
  countered: 'Countered',
  accepted: 'Accepted',
  declined: 'Declined',
  expired: 'Expired',
  withdrawn: 'Withdrawn',
}

const STATUS_COLORS: Record<OfferStatus, 'default' | 'info' | 'warning' | 'success'> = {
  pending: 'info',
  countered: 'warning',
  accepted: 'success',
  declined: 'default',
  expired: 'default',
  withdrawn: 'default',
}

/** The listing's title: sent by the API as `title` (or inside `listing` by newer servers). */
export function offerTitle(offer: Offer): string {
  const listing = (offer as Offer & { listing?: { title?: string } | null }).listing
  return offer.title ?? listing?.title ?? 'A listing that is no longer available'
}

/** The price in the cart once accepted: the seller's counter if the buyer took it, else the offer. */
export const agreedPrice = (offer: Offer) => offer.counter_amount ?? offer.amount

/** `/account/offers?tab=made|received`: offers the user made as a buyer, and received as a seller. */
export function OffersPage() {
  return (
    <RequireSignIn>
      <AccountListLayout title="Offers">
        <OfferTabs />
      </AccountListLayout>
    </RequireSignIn>
  )
}

function OfferTabs() {
  const [searchParams, setSearchParams] = useSearchParams()
  const tab = searchParams.get('tab') === 'received' ? 'received' : 'made'
  const baseId = useId()
  const role: OfferRole = tab === 'received' ? 'seller' : 'buyer'
  return (
    <>
      <Tabs
        value={tab}
        onChange={(_event, value: string) => setSearchParams(value === 'made' ? {} : { tab: value }, { replace: true })}
        aria-label="Offers"
        sx={{ borderBottom: 1, borderColor: 'divider' }}
      >
        {TABS.map((entry) => (
          <Tab
            key={entry.value}
            value={entry.value}
            label={entry.label}
            id={`${baseId}-tab-${entry.value}`}
            aria-controls={`${baseId}-panel-${entry.value}`}
          />
        ))}
      </Tabs>
      <section role="tabpanel" id={`${baseId}-panel-${tab}`} aria-labelledby={`${baseId}-tab-${tab}`} className="flex flex-col gap-4">
        <OfferList key={role} role={role} />
      </section>
    </>
  )
}

type Notice = { severity: 'success'; text: ReactNode } | { severity: 'error'; message: ErrorMessage }

function OfferList({ role }: { role: OfferRole }) {
  const query = useGetOffersInfiniteQuery({ role })
  const [move, moveState] = useMoveOfferMutation()
  const [countering, setCountering] = useState<Offer | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const offers = query.data?.pages.flatMap((page) => page.items) ?? []

  const act = async (offer: Offer, action: OfferMove) => {
    setNotice(null)
    const title = `“${offerTitle(offer)}”`
    try {
      await move({ id: offer.id, move: action }).unwrap()
      const price = (amount: number) => formatPrice(amount, offer.currency)
      const texts: Record<OfferRole, Record<OfferMove, ReactNode>> = {
        buyer: {
          accept: (
            <>
              You accepted the counter-offer: {title} is in your cart at {price(offer.counter_amount ?? offer.amount)}.{' '}
              <Link component={RouterLink} to="/cart">
                Go to your cart
              </Link>
            </>
          ),
          decline: `You declined the counter-offer on ${title}.`,
          withdraw: `You withdrew your offer on ${title}.`,
        },
        seller: {
          accept: `You accepted ${price(offer.amount)} for ${title}. It is in the buyer’s cart at that price.`,
          decline: `You declined the offer on ${title}.`,
          withdraw: `The offer on ${title} is withdrawn.`,
        },
      }
      setNotice({ severity: 'success', text: texts[role][action] })
    } catch (caught) {
      setNotice({ severity: 'error', message: errorMessageOf(caught as Parameters<typeof errorMessageOf>[0]) })
    }
  }

  if (query.isLoading) return <LoadingState label="Loading offers" variant="list" count={3} />
  if (query.isError && offers.length === 0) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />
  return (
    <>
      {notice?.severity === 'success' && (
        <Alert severity="success" role="status" onClose={() => setNotice(null)}>
          {notice.text}
        </Alert>
      )}
      {notice?.severity === 'error' && (
        <Alert severity="error" onClose={() => setNotice(null)}>
          <AlertTitle>{notice.message.title}</AlertTitle>
          {notice.message.detail}
        </Alert>
      )}
      {offers.length === 0 ? (
        <Paper variant="outlined" className="p-6">
          <Typography>
            {role === 'buyer'
              ? 'You have not made any offers. “Make an offer” on a listing to suggest your price.'
              : 'No offers on your listings yet.'}
          </Typography>
        </Paper>
      ) : (
        <Paper variant="outlined" className="px-4">
          <ul aria-label={role === 'buyer' ? 'Offers you made' : 'Offers you received'} className="m-0 flex list-none flex-col p-0">
            {offers.map((offer, index) => (
              <Fragment key={offer.id}>
                {index > 0 && <Divider component="li" aria-hidden />}
                <OfferRow
                  offer={offer}
                  role={role}
                  busy={moveState.isLoading && moveState.originalArgs?.id === offer.id}
                  onMove={(action) => void act(offer, action)}
                  onCounter={() => {
                    setNotice(null)
                    setCountering(offer)
                  }}
                />
              </Fragment>
            ))}
          </ul>
        </Paper>
      )}
      <LoadMore query={query} />
      <CounterDialog
        offer={countering}
        onClose={() => setCountering(null)}
        onCountered={(amount) => {
          const offer = countering
          setCountering(null)
          if (offer) {
            setNotice({
              severity: 'success',
              text: `You answered ${formatPrice(amount, offer.currency)} for “${offerTitle(offer)}”. The buyer has 48 hours to accept it.`,
            })
          }
        }}
      />
    </>
  )
}

function OfferRow({
  offer,
  role,
  busy,
  onMove,
  onCounter,
}: {
  offer: Offer
  role: OfferRole
  busy: boolean
  onMove: (move: OfferMove) => void
  onCounter: () => void
}) {
  const title = offerTitle(offer)
  const price = (amount: number) => formatPrice(amount, offer.currency)
  const open = offer.status === 'pending' || offer.status === 'countered'
  const button = (label: string, action: () => void, variant: 'contained' | 'outlined' = 'outlined', color?: 'error') => (
    <Button key={label} size="small" variant={variant} color={color} disabled={busy} onClick={action}>
      {label}
    </Button>
  )
  const actions: ReactNode[] = []
  if (role === 'buyer') {
    if (offer.status === 'pending') actions.push(button('Withdraw', () => onMove('withdraw'), 'outlined', 'error'))
    if (offer.status === 'countered' && offer.counter_amount !== null) {
      actions.push(button(`Accept ${price(offer.counter_amount)}`, () => onMove('accept'), 'contained'))
      actions.push(button('Decline', () => onMove('decline')))
    }
  } else if (offer.status === 'pending') {
    actions.push(button(`Accept ${price(offer.amount)}`, () => onMove('accept'), 'contained'))
    actions.push(button('Counter', onCounter))
    actions.push(button('Decline', () => onMove('decline'), 'outlined', 'error'))
  }

  return (
    <li aria-label={title} className="flex flex-col gap-2 py-4 sm:flex-row sm:items-center sm:justify-between">
      <div className="flex min-w-0 flex-col gap-1">
        <div className="flex flex-wrap items-center gap-2">
          <Link component={RouterLink} to={productPath(offer.product_id)} className="font-semibold break-words" underline="hover">
            {title}
          </Link>
          <Chip size="small" variant="outlined" label={STATUS_LABELS[offer.status]} color={STATUS_COLORS[offer.status]} />
        </div>
        <Typography variant="body2">
          Listed at {price(offer.listed_price)} · {role === 'buyer' ? 'your offer' : 'offer'} {price(offer.amount)}
          {offer.counter_amount !== null && ` · ${role === 'buyer' ? 'seller’s counter' : 'your counter'} ${price(offer.counter_amount)}`}
        </Typography>
        {open && (
          <Typography variant="body2" color="text.secondary">
            Open until {formatDateTime(offer.expires_at)}
          </Typography>
        )}
        {offer.status === 'accepted' && (
          <Typography variant="body2">
            {role === 'buyer' ? (
              <>
                Agreed at {price(agreedPrice(offer))}: it is in your cart.{' '}
                <Link component={RouterLink} to="/cart">
                  Go to your cart
                </Link>
              </>
            ) : (
              `Agreed at ${price(agreedPrice(offer))}: it is in the buyer’s cart.`
            )}
          </Typography>
        )}
      </div>
      {actions.length > 0 && (
        <div role="group" aria-label={`Answer to the offer on ${title}`} className="flex shrink-0 flex-wrap gap-2">
          {actions}
        </div>
      )}
    </li>
  )
}

const COUNTER_FIELDS = ['amount'] as const

function CounterDialog({
  offer,
  onClose,
  onCountered,
}: {
  offer: Offer | null
  onClose: () => void
  onCountered: (amount: number) => void
}) {
  const theme = useTheme()
  const phone = useMediaQuery(theme.breakpoints.down('sm'))
  const titleId = useId()
  return (
    <Dialog open={offer !== null} onClose={onClose} fullScreen={phone} fullWidth maxWidth="xs" aria-labelledby={titleId}>
      {offer && <CounterForm titleId={titleId} offer={offer} onClose={onClose} onCountered={onCountered} />}
    </Dialog>
  )
}

function CounterForm({
  titleId,
  offer,
  onClose,
  onCountered,
}: {
  titleId: string
  offer: Offer
  onClose: () => void
  onCountered: (amount: number) => void
}) {
  const [counter, { isLoading }] = useCounterOfferMutation()
  const [text, setText] = useState('')
  const form = useFormErrors(COUNTER_FIELDS)
  const price = (amount: number) => formatPrice(amount, offer.currency)

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const amount = parseMoney(text, offer.currency)
    if (amount === undefined || amount <= 0) {
      form.show({ amount: ['Enter an amount, such as 1200 or 1200.50.'] }, null)
      return
    }
    if (amount <= offer.amount || amount >= offer.listed_price) {
      form.show({ amount: [`A counter-offer is between the offer (${price(offer.amount)}) and the listed price (${price(offer.listed_price)}).`] }, null)
      return
    }
    form.clear()
    try {
      await counter({ id: offer.id, amount }).unwrap()
      onCountered(amount)
    } catch (error) {
      form.showProblem(error)
    }
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="flex min-h-0 flex-1 flex-col">
      <DialogTitle id={titleId}>Counter the offer</DialogTitle>
      <DialogContent dividers className="flex flex-col gap-4">
        <Typography>{offerTitle(offer)}</Typography>
        <Typography>
          Listed at <strong>{price(offer.listed_price)}</strong>; the buyer offers <strong>{price(offer.amount)}</strong>.
        </Typography>
        <FormAlert id={form.alertId} message={form.alert} />
        <TextField
          {...form.fieldProps('amount', 'The buyer can accept or decline it within 48 hours.')}
          label={`Your price (${offer.currency})`}
          required
          autoFocus
          value={text}
          onChange={(event) => setText(event.target.value)}
          slotProps={{
            htmlInput: { inputMode: 'decimal', autoComplete: 'off' },
            input: { startAdornment: <InputAdornment position="start">{offer.currency}</InputAdornment> },
          }}
        />
      </DialogContent>
      <DialogActions className="px-6 py-4">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="contained" disabled={isLoading}>
          {isLoading ? 'Sending…' : 'Send counter-offer'}
        </Button>
      </DialogActions>
    </form>
  )
}
