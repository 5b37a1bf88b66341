import ShoppingCartCheckoutIcon from '@mui/icons-material/ShoppingCartCheckout'
import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Button from '@mui/material/Button'
import Divider from '@mui/material/Divider'
import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import { Fragment, useId, useState, type ReactNode } from 'react'
import { Link as RouterLink } from 'react-router'

import {
  useAcceptCartPriceMutation,
  useGetCartQuery,
  useRemoveCartLineMutation,
  useUpdateCartLineMutation,
} from '../../api/cart'
import { errorMessageOf, type ErrorMessage } from '../../api/problem'
import type { CartLine, Money } from '../../api/types'
import { useAppDispatch, useAppSelector } from '../../app/hooks'
import { ErrorState } from '../../components/ErrorState'
import { LoadingState } from '../../components/LoadingState'
import { selectIsSignedIn, selectSessionChecked } from '../auth/authSlice'
import { useRestoreSession } from '../auth/AuthSession'
import { signInPath } from '../auth/safeNextPath'
import { CartLineRow } from './CartLineRow'
import { formatMoney, lineTitle, listWords, subtotalsOf } from './cartText'
import { guestLineRemoved, guestQuantityChanged, selectGuestLines } from './guestCartSlice'

/** `/cart`: the account's cart when signed in, else the one kept in this browser. */
export function CartPage() {
  const signedIn = useAppSelector(selectIsSignedIn)
  const checked = useAppSelector(selectSessionChecked)
  useRestoreSession()
  return (
    <div className="flex flex-col gap-4">
      <title>Your cart · TechMarket</title>
      <Typography variant="h1">Your cart</Typography>
      {signedIn ? <AccountCart /> : checked ? <GuestCart /> : <LoadingState label="Loading your cart" variant="list" count={3} />}
    </div>
  )
}

type SellerGroup = { key: string; name: string; lines: CartLine[] }

/** Lines by seller, in the order they come (the server already groups them; gone listings last). */
export function groupBySeller(lines: readonly CartLine[]): SellerGroup[] {
  const groups: SellerGroup[] = []
  for (const line of lines) {
    const key = line.seller?.id ?? 'gone'
    let group = groups.find((entry) => entry.key === key)
    if (!group) {
      group = { key, name: line.seller?.store_name ?? 'No longer available', lines: [] }
      groups.push(group)
    }
    group.lines.push(line)
  }
  return groups
}

function AccountCart() {
  const { data: cart, isLoading, isError, error, refetch, isFetching } = useGetCartQuery()
  const [updateLine, updateState] = useUpdateCartLineMutation()
  const [acceptPrice, acceptState] = useAcceptCartPriceMutation()
  const [removeLine, removeState] = useRemoveCartLineMutation()
  const [failure, setFailure] = useState<ErrorMessage | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  if (isLoading) return <LoadingState label="Loading your cart" variant="list" count={3} />
  if (isError || !cart) return <ErrorState error={error} onRetry={() => void refetch()} />

  const busyId =
    (updateState.isLoading && updateState.originalArgs?.id) ||
    (acceptState.isLoading && acceptState.originalArgs) ||
    (removeState.isLoading && removeState.originalArgs) ||
    null

  const run = async (action: () => Promise<unknown>, done?: string) => {
    setFailure(null)
    setNotice(null)
    try {
      await action()
      if (done) setNotice(done)
    } catch (caught) {
      setFailure(errorMessageOf(caught as Parameters<typeof errorMessageOf>[0]))
    }
  }

  return (
    <CartContents
      lines={cart.items}
      subtotals={cart.subtotals}
      busyId={busyId}
      fetching={isFetching}
      failure={failure}
      notice={notice}
      onDismiss={() => {
        setFailure(null)
        setNotice(null)
      }}
      onQuantity={(line, quantity) => void run(() => updateLine({ id: line.id, quantity }).unwrap())}
      onRemove={(line) => void run(() => removeLine(line.id).unwrap(), `“${lineTitle(line)}” is out of your cart.`)}
      onAcceptPrice={(line) => void run(() => acceptPrice(line.id).unwrap())}
      checkout={{ to: '/checkout', label: 'Check out' }}
    />
  )
}

function GuestCart() {
  const dispatch = useAppDispatch()
  const lines = useAppSelector(selectGuestLines)
  const [notice, setNotice] = useState<string | null>(null)
  return (
    <>
      <Alert severity="info" role="note">
        You are not signed in: this cart is kept in this browser. Sign in to check out; your cart comes with you, and
        prices and stock are checked then.
      </Alert>
      <CartContents
        lines={lines}
        subtotals={subtotalsOf(lines)}
        busyId={null}
        fetching={false}
        failure={null}
        notice={notice}
        onDismiss={() => setNotice(null)}
        onQuantity={(line, quantity) => dispatch(guestQuantityChanged({ id: line.id, quantity }))}
        onRemove={(line) => {
          dispatch(guestLineRemoved(line.id))
          setNotice(`“${lineTitle(line)}” is out of your cart.`)
        }}
        checkout={{ to: signInPath('/checkout'), label: 'Sign in to check out' }}
      />
    </>
  )
}

type CartContentsProps = {
  lines: CartLine[]
  subtotals: Money[]
  busyId: string | null
  fetching: boolean
  failure: ErrorMessage | null
  notice: string | null
  onDismiss: () => void
  onQuantity: (line: CartLine, quantity: number) => void
  onRemove: (line: CartLine) => void
  onAcceptPrice?: (line: CartLine) => void
  checkout: { to: string; label: string }
}

function CartContents({
  lines,
  subtotals,
  busyId,
  fetching,
  failure,
  notice,
  onDismiss,
  onQuantity,
  onRemove,
  onAcceptPrice,
  checkout,
}: CartContentsProps) {
  const blockedId = useId()
  const groups = groupBySeller(lines)
  const withProblems = lines.filter((line) => line.problems.length > 0).length
  const currencies = subtotals.map((subtotal) => subtotal.currency)
  const canCheckOut = withProblems === 0 && subtotals.length > 0

  const messages = (
    <>
      {notice && (
        <Alert severity="success" role="status" onClose={onDismiss}>
          {notice}
        </Alert>
      )}
      {failure && (
        <Alert severity="error" onClose={onDismiss}>
          <AlertTitle>{failure.title}</AlertTitle>
          {failure.detail}
        </Alert>
      )}
    </>
  )

  if (lines.length === 0) {
    return (
      <>
        {messages}
        <Paper variant="outlined" className="flex flex-col items-start gap-3 p-6">
          <Typography>Your cart is empty.</Typography>
          <Button variant="contained" component={RouterLink} to="/">
            Continue shopping
          </Button>
        </Paper>
      </>
    )
  }

  return (
    <div className="grid gap-6 md:grid-cols-[1fr_20rem] md:items-start">
      <div className="flex min-w-0 flex-col gap-4">
        {messages}
        {groups.map((group) => (
          <SellerSection key={group.key} group={group}>
            {group.lines.map((line, index) => (
              <Fragment key={line.id}>
                {index > 0 && <Divider component="li" aria-hidden />}
                <CartLineRow
                  line={line}
                  busy={busyId === line.id}
                  onQuantity={(quantity) => onQuantity(line, quantity)}
                  onRemove={() => onRemove(line)}
                  onAcceptPrice={onAcceptPrice && (() => onAcceptPrice(line))}
                />
              </Fragment>
            ))}
          </SellerSection>
        ))}
      </div>
      <Paper
        variant="outlined"
        component="section"
        aria-labelledby="cart-summary-heading"
        aria-busy={fetching}
        className="flex flex-col gap-3 p-4 md:sticky md:top-24"
      >
        <Typography id="cart-summary-heading" variant="h3" component="h2">
          Summary
        </Typography>
        {subtotals.length === 0 ? (
          <Typography color="text.secondary">Nothing in your cart can be bought as it stands.</Typography>
        ) : (
          <dl className="m-0 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
            {subtotals.map((subtotal) => (
              <Fragment key={subtotal.currency}>
                <dt>{subtotals.length > 1 ? `Subtotal in ${subtotal.currency}` : 'Subtotal'}</dt>
                <dd className="m-0 text-right font-semibold">{formatMoney(subtotal)}</dd>
              </Fragment>
            ))}
          </dl>
        )}
        <Typography variant="body2" color="text.secondary">
          Shipping is worked out at checkout, once we know where the parcels go.
          {currencies.length > 1 &&
            ` Your cart has prices in ${listWords(currencies)}: one payment takes one currency, so you check out each in turn.`}
        </Typography>
        {withProblems > 0 && (
          <Typography id={blockedId} variant="body2" color="warning.dark">
            {withProblems === 1 ? 'One line changed' : `${withProblems} lines changed`} since you added{' '}
            {withProblems === 1 ? 'it' : 'them'}. Fix {withProblems === 1 ? 'it' : 'them'} above to check out.
          </Typography>
        )}
        {canCheckOut ? (
          <Button variant="contained" size="large" startIcon={<ShoppingCartCheckoutIcon />} component={RouterLink} to={checkout.to}>
            {checkout.label}
          </Button>
        ) : (
          <Button
            variant="contained"
            size="large"
            startIcon={<ShoppingCartCheckoutIcon />}
            disabled
            aria-describedby={withProblems > 0 ? blockedId : undefined}
          >
            {checkout.label}
          </Button>
        )}
      </Paper>
    </div>
  )
}

function SellerSection({ group, children }: { group: SellerGroup; children: ReactNode }) {
  const headingId = useId()
  return (
    <Paper variant="outlined" component="section" aria-labelledby={headingId} className="px-4 pt-3">
      <Typography id={headingId} variant="h3" component="h2">
        {group.key === 'gone' ? group.name : `Sold by ${group.name}`}
      </Typography>
      <ul aria-label={`Items from ${group.name}`} className="m-0 flex list-none flex-col p-0">
        {children}
      </ul>
    </Paper>
  )
}
