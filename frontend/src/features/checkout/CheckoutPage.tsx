import LockIcon from '@mui/icons-material/Lock'
import { skipToken } from '@reduxjs/toolkit/query'
import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Button from '@mui/material/Button'
import FormControlLabel from '@mui/material/FormControlLabel'
import Link from '@mui/material/Link'
import Paper from '@mui/material/Paper'
import Radio from '@mui/material/Radio'
import RadioGroup from '@mui/material/RadioGroup'
import Typography from '@mui/material/Typography'
import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { Link as RouterLink, useNavigate } from 'react-router'

import { useGetAddressesQuery } from '../../api/account'
import type { ApiError } from '../../api/baseQuery'
import { useGetCartQuery } from '../../api/cart'
import { useGetQuoteQuery, usePlaceOrderMutation } from '../../api/orders'
import { useGetPaymentMethodsQuery, useSavePaymentMethodMutation } from '../../api/payments'
import { errorMessageOf, statusOf, type ErrorMessage } from '../../api/problem'
import { tokenizeCard } from '../../api/processor'
import type { Address, Destination, OrderCreate, PaymentMethod, Quote, ShippingAddress, ShippingServices } from '../../api/types'
import { ErrorState } from '../../components/ErrorState'
import { LoadingState } from '../../components/LoadingState'
import { formatPrice } from '../../components/Price'
import { countryName } from '../account/countries'
import { RequireSignIn } from '../auth/RequireSignIn'
import { useFormErrors } from '../auth/formErrors'
import { CARD_FIELDS, CardForm, emptyCard, readCard, type CardDraft } from './CardForm'
import { NewAddressForm } from './NewAddressForm'
import { QuoteSummary } from './QuoteSummary'

/** Where the processor sends the buyer back after 3-D Secure (it appends `?checkout=<id>`). */
export const CHECKOUT_RETURN_PATH = '/checkout/complete'

export const completePath = (checkoutId: string) => `${CHECKOUT_RETURN_PATH}?${new URLSearchParams({ checkout: checkoutId })}`

const NEW = 'new'

/** `/checkout`: address, the quote per seller, the card, and "Pay". Signed in only. */
export function CheckoutPage() {
  return (
    <RequireSignIn>
      <div className="mx-auto flex w-full max-w-3xl flex-col gap-4">
        <title>Checkout · TechMarket</title>
        <Typography variant="h1">Checkout</Typography>
        <Checkout />
      </div>
    </RequireSignIn>
  )
}

/** "Visa •••• 4242, expires 12/2030". */
export function cardLabel(method: PaymentMethod): string {
  const brand = method.brand ? method.brand.charAt(0).toUpperCase() + method.brand.slice(1) : 'Card'
  return `${brand} •••• ${method.last4}, expires ${String(method.exp_month).padStart(2, '0')}/${method.exp_year}`
}

function addressText(address: ShippingAddress): string {
  return [address.line1, address.line2, `${address.postal_code} ${address.city}`, address.region, countryName(address.country)]
    .filter(Boolean)
    .join(', ')
}

/** `{ shipping_services }` when the buyer chose any service level, else nothing (the server's default). */
function shippingServicesField(services: ShippingServices): { shipping_services?: ShippingServices } {
  return Object.keys(services).length > 0 ? { shipping_services: services } : {}
}

/** The choices for the sellers of this quote (another address or currency may drop some). */
function chosenServices(services: ShippingServices, quote: Quote): ShippingServices {
  return Object.fromEntries(quote.sellers.flatMap((seller) => {
    const service = services[seller.seller_id]
    return service ? [[seller.seller_id, service]] : []
  }))
}

/** A failure of "Pay", shown on the payment step; `toCart` adds a way back to the cart. */
type PayFailure = ErrorMessage & { toCart?: boolean }

function isNetworkError(error: unknown): boolean {
  const status = (error as ApiError | undefined)?.status
  return status === 'FETCH_ERROR' || status === 'TIMEOUT_ERROR'
}

function Checkout() {
  const cartQuery = useGetCartQuery()
  const addressesQuery = useGetAddressesQuery()
  const methodsQuery = useGetPaymentMethodsQuery()

  if (cartQuery.isLoading || addressesQuery.isLoading || methodsQuery.isLoading) {
    return <LoadingState label="Loading your checkout" variant="list" count={4} />
  }
  const failed = [cartQuery, addressesQuery, methodsQuery].find((query) => query.isError)
  if (failed || !cartQuery.data || !addressesQuery.data || !methodsQuery.data) {
    return (
      <ErrorState
        error={failed?.error}
        onRetry={() => {
          void cartQuery.refetch()
          void addressesQuery.refetch()
          void methodsQuery.refetch()
        }}
      />
    )
  }
  const cart = cartQuery.data
  if (cart.items.length === 0) {
    return (
      <Paper variant="outlined" className="flex flex-col items-start gap-3 p-6">
        <Typography>Your cart is empty: there is nothing to check out.</Typography>
        <Button variant="contained" component={RouterLink} to="/">
          Continue shopping
        </Button>
      </Paper>
    )
  }
  if (cart.items.some((line) => line.problems.length > 0)) {
    return (
      <Alert severity="warning">
        <AlertTitle>Your cart changed since you added some items</AlertTitle>
        Prices or stock changed. Review your cart, then check out.{' '}
        <Link component={RouterLink} to="/cart">
          Review your cart
        </Link>
      </Alert>
    )
  }
  const currencies = [...new Set(cart.items.map((line) => line.currency))].sort()
  return <CheckoutForm currencies={currencies} addresses={addressesQuery.data} methods={methodsQuery.data} />
}

function Step({ number, title, children }: { number: number; title: string; children: ReactNode }) {
  const headingId = useId()
  return (
    <Paper variant="outlined" component="section" aria-labelledby={headingId} className="flex flex-col gap-4 p-4 sm:p-6">
      <Typography id={headingId} variant="h3" component="h2">
        {number}. {title}
      </Typography>
      {children}
    </Paper>
  )
}

function CheckoutForm({
  currencies,
  addresses,
  methods,
}: {
  currencies: string[]
  addresses: Address[]
  methods: PaymentMethod[]
}) {
  const navigate = useNavigate()
  const defaultAddress = addresses.find((address) => address.is_default) ?? addresses[0]
  const [addressChoice, setAddressChoice] = useState<string>(defaultAddress?.id ?? NEW)
  const [newAddress, setNewAddress] = useState<ShippingAddress | null>(null)
  const [currency, setCurrency] = useState(currencies[0] ?? '')
  const [methodChoice, setMethodChoice] = useState<string>(methods[0]?.id ?? NEW)
  const [card, setCard] = useState<CardDraft>(emptyCard)
  const cardForm = useFormErrors(CARD_FIELDS)
  const [savePaymentMethod] = useSavePaymentMethodMutation()
  const [placeOrder] = usePlaceOrderMutation()
  const [paying, setPaying] = useState(false)
  const [payFailure, setPayFailure] = useState<PayFailure | null>(null)
  const failureId = useId()
  /** The key of the attempt a network error interrupted, reused only for the same order. */
  const retry = useRef<{ key: string; request: string } | null>(null)

  const [services, setServices] = useState<ShippingServices>({})

  const mixed = currencies.length > 1
  const destination: Destination | null =
    addressChoice === NEW ? (newAddress ? { shipping_address: newAddress } : null) : { address_id: addressChoice }
  const quoteQuery = useGetQuoteQuery(
    destination ? { ...destination, ...(mixed ? { currency } : {}), ...shippingServicesField(services) } : skipToken,
  )
  // While a changed service level is re-quoted, the previous quote for the same address and
  // currency stays on screen (so the radio keeps its focus); another address shows nothing stale.
  const quoteBase = JSON.stringify([destination, mixed ? currency : null])
  const quotedBase = useRef<string | null>(null)
  useEffect(() => {
    if (quoteQuery.currentData) quotedBase.current = quoteBase
  }, [quoteQuery.currentData, quoteBase])
  const quote = quoteQuery.currentData ?? (quotedBase.current === quoteBase ? quoteQuery.data : undefined)
  const updatingQuote = quote !== undefined && quoteQuery.currentData === undefined && quoteQuery.isFetching

  const pay = async () => {
    if (!destination || !quote) return
    setPayFailure(null)
    setPaying(true)
    try {
      let methodId = methodChoice
      if (methodChoice === NEW) {
        const read = readCard(card)
        if (read.errors) {
          cardForm.show(read.errors, null)
          return
        }
        cardForm.clear()
        try {
          // Straight to the processor: the number never goes to /api/v1.
          const token = await tokenizeCard(read.card)
          const saved = await savePaymentMethod({ provider: 'sandbox', token: token.token }).unwrap()
          methodId = saved.id
          setMethodChoice(saved.id)
          setCard(emptyCard)
        } catch (error) {
          cardForm.showProblem(error)
          return
        }
      }
      const body: OrderCreate = {
        ...destination,
        payment_method_id: methodId,
        ...(mixed ? { currency } : {}),
        ...shippingServicesField(chosenServices(services, quote)),
        return_url: CHECKOUT_RETURN_PATH,
      }
      const request = JSON.stringify(body)
      const key = retry.current?.request === request ? retry.current.key : crypto.randomUUID()
      retry.current = { key, request }
      try {
        const placed = await placeOrder({ body, idempotencyKey: key }).unwrap()
        retry.current = null
        const { checkout } = placed
        if (checkout.status === 'pending_payment' && checkout.next_action?.url) {
          // 3-D Secure: the card issuer's page, which comes back to CHECKOUT_RETURN_PATH.
          window.location.assign(checkout.next_action.url)
          return
        }
        if (checkout.status === 'failed' || checkout.status === 'expired') {
          setPayFailure({ title: 'Your payment did not go through', detail: 'Nothing was charged. Try again or use another card.' })
          return
        }
        void navigate(completePath(checkout.id))
      } catch (error) {
        if (isNetworkError(error)) {
          setPayFailure({
            title: "We can't reach TechMarket",
            detail: 'Check your connection and press Pay again: you will not be charged twice.',
          })
          return
        }
        retry.current = null
        const message = errorMessageOf(error as ApiError)
        const status = statusOf(error)
        if (status === 402) {
          setPayFailure({ ...message, title: 'Your payment was declined' })
        } else if (status === 409) {
          setPayFailure({ ...message, toCart: true })
        } else {
          setPayFailure(message)
        }
      }
    } finally {
      setPaying(false)
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <Step number={1} title="Delivery address">
        <RadioGroup
          aria-label="Delivery address"
          name="address"
          value={addressChoice}
          onChange={(event) => {
            setPayFailure(null)
            setAddressChoice(event.target.value)
          }}
          className="gap-1"
        >
          {addresses.map((address) => (
            <FormControlLabel
              key={address.id}
              value={address.id}
              control={<Radio slotProps={{ input: { 'aria-label': `${address.name}, ${address.line1}` } }} />}
              label={
                <span className="flex flex-col py-1">
                  <span className="font-semibold">{address.name}</span>
                  <span className="text-sm">{addressText(address)}</span>
                </span>
              }
            />
          ))}
          <FormControlLabel value={NEW} control={<Radio />} label={addresses.length > 0 ? 'A new address' : 'Enter the address'} />
        </RadioGroup>
        {addressChoice === NEW && (
          <>
            {newAddress && (
              <Typography role="status">
                Delivering to {newAddress.name}, {addressText(newAddress)}.
              </Typography>
            )}
            <NewAddressForm initial={newAddress} onUse={setNewAddress} />
          </>
        )}
      </Step>

      <Step number={2} title="Review your order">
        {mixed && (
          <div className="flex flex-col gap-1">
            <Typography variant="body2">
              Your cart has prices in several currencies. One payment takes one currency: choose which items to pay for now;
              the others stay in your cart.
            </Typography>
            <RadioGroup
              row
              aria-label="Pay in"
              name="currency"
              value={currency}
              onChange={(event) => setCurrency(event.target.value)}
            >
              {currencies.map((code) => (
                <FormControlLabel key={code} value={code} control={<Radio />} label={`Items in ${code}`} />
              ))}
            </RadioGroup>
          </div>
        )}
        {!destination ? (
          <Typography color="text.secondary">Choose where the order goes to see shipping and the total.</Typography>
        ) : quoteQuery.isFetching && !quote ? (
          <LoadingState label="Working out shipping and the total" variant="list" count={2} />
        ) : quoteQuery.isError ? (
          <QuoteError error={quoteQuery.error} onRetry={() => void quoteQuery.refetch()} />
        ) : quote ? (
          <QuoteSummary
            quote={quote}
            services={services}
            updating={updatingQuote}
            onServiceChange={(sellerId, service) => {
              setPayFailure(null)
              setServices((current) => ({ ...current, [sellerId]: service }))
            }}
          />
        ) : null}
      </Step>

      <Step number={3} title="Payment">
        <RadioGroup
          aria-label="Payment method"
          name="payment-method"
          value={methodChoice}
          onChange={(event) => {
            setPayFailure(null)
            setMethodChoice(event.target.value)
          }}
        >
          {methods.map((method) => (
            <FormControlLabel key={method.id} value={method.id} control={<Radio />} label={cardLabel(method)} />
          ))}
          <FormControlLabel value={NEW} control={<Radio />} label={methods.length > 0 ? 'A new card' : 'Card'} />
        </RadioGroup>
        {methodChoice === NEW && (
          <CardForm value={card} onChange={setCard} fieldProps={cardForm.fieldProps} disabled={paying} />
        )}
        {cardForm.alert && (
          <Alert id={cardForm.alertId} tabIndex={-1} severity="error">
            <AlertTitle>{cardForm.alert.title}</AlertTitle>
            {cardForm.alert.detail}
          </Alert>
        )}
        {payFailure && (
          <Alert id={failureId} severity="error" role="alert">
            <AlertTitle>{payFailure.title}</AlertTitle>
            {payFailure.detail}
            {payFailure.toCart && (
              <>
                {' '}
                <Link component={RouterLink} to="/cart">
                  Back to your cart
                </Link>
              </>
            )}
          </Alert>
        )}
        <Button
          variant="contained"
          size="large"
          startIcon={<LockIcon />}
          disabled={!quote || quoteQuery.isFetching || paying}
          onClick={() => void pay()}
          className="self-stretch sm:self-end"
        >
          {paying ? 'Paying…' : quote ? `Pay ${formatPrice(quote.total, quote.currency)}` : 'Pay'}
        </Button>
      </Step>
    </div>
  )
}

function QuoteError({ error, onRetry }: { error: ApiError | Parameters<typeof errorMessageOf>[0]; onRetry: () => void }) {
  const message = errorMessageOf(error)
  if (statusOf(error) === 409) {
    return (
      <Alert severity="warning">
        <AlertTitle>{message.title}</AlertTitle>
        {message.detail}{' '}
        <Link component={RouterLink} to="/cart">
          Review your cart
        </Link>
      </Alert>
    )
  }
  return <ErrorState error={error as ApiError} onRetry={onRetry} />
}
