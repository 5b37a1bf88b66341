import CheckCircleIcon from '@mui/icons-material/CheckCircle'
import { skipToken } from '@reduxjs/toolkit/query'
import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
import Link from '@mui/material/Link'
import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import { Link as RouterLink, useSearchParams } from 'react-router'

import { useGetCartQuery } from '../../api/cart'
import { ordersApi, useGetCheckoutQuery } from '../../api/orders'
import type { Order } from '../../api/types'
import { ErrorState } from '../../components/ErrorState'
import { LoadingState } from '../../components/LoadingState'
import { formatPrice } from '../../components/Price'
import { RequireSignIn } from '../auth/RequireSignIn'
import { orderPath } from '../orders/orderLabels'

/** How often a checkout waiting for its payment (3-D Secure) is asked about again. */
export const CHECKOUT_POLL_MS = 2000

/**
 * `/checkout/complete?checkout=<id>`: where "Pay" leads, and where the processor sends the buyer
 * back after 3-D Secure. Polls the checkout until it is paid or failed.
 */
export function CheckoutCompletePage({ pollIntervalMs = CHECKOUT_POLL_MS }: { pollIntervalMs?: number }) {
  return (
    <RequireSignIn>
      <div className="mx-auto flex w-full max-w-3xl flex-col gap-4">
        <title>Your order · TechMarket</title>
        <CheckoutResult pollIntervalMs={pollIntervalMs} />
      </div>
    </RequireSignIn>
  )
}

function CheckoutResult({ pollIntervalMs }: { pollIntervalMs: number }) {
  const [searchParams] = useSearchParams()
  const id = searchParams.get('checkout')
  // Asks again every `pollIntervalMs` until the checkout is settled (paid, failed or expired).
  const known = ordersApi.endpoints.getCheckout.useQueryState(id ?? skipToken).data
  const settled = known !== undefined && known.checkout.status !== 'pending_payment'
  const { data, isLoading, isError, error, refetch } = useGetCheckoutQuery(id ?? skipToken, {
    pollingInterval: settled ? 0 : pollIntervalMs,
  })
  const waiting = data?.checkout.status === 'pending_payment'
  const { data: cart } = useGetCartQuery(data?.checkout.status === 'paid' ? undefined : skipToken)

  if (!id) {
    return (
      <>
        <Typography variant="h1">No checkout to show</Typography>
        <Link component={RouterLink} to="/account/orders">
          See your orders
        </Link>
      </>
    )
  }
  if (isLoading) return <LoadingState label="Loading your order" variant="list" count={3} />
  if (isError || !data) return <ErrorState error={error} onRetry={() => void refetch()} />

  const { checkout, orders } = data
  if (waiting) {
    return (
      <>
        <Typography variant="h1">Confirming your payment</Typography>
        <Paper variant="outlined" role="status" className="flex items-center gap-4 p-6">
          <CircularProgress size={28} aria-hidden />
          <Typography>
            Your bank is confirming the payment of {formatPrice(checkout.total, checkout.currency)}. This page updates by
            itself; please keep it open.
          </Typography>
        </Paper>
      </>
    )
  }
  if (checkout.status !== 'paid') {
    return (
      <>
        <Typography variant="h1">Your payment did not go through</Typography>
        <Alert severity="error">
          <AlertTitle>{checkout.status === 'expired' ? 'The time to pay ran out' : 'The payment failed'}</AlertTitle>
          Nothing was charged, and the items are still in your cart.
        </Alert>
        <div className="flex flex-wrap gap-2">
          <Button variant="contained" component={RouterLink} to="/checkout">
            Try again
          </Button>
          <Button variant="outlined" component={RouterLink} to="/cart">
            Back to your cart
          </Button>
        </div>
      </>
    )
  }
  return (
    <>
      <Typography variant="h1" className="flex items-center gap-2">
        <CheckCircleIcon color="success" fontSize="large" aria-hidden />
        Thank you: your order is placed
      </Typography>
      <Alert severity="success" role="status">
        You paid {formatPrice(checkout.total, checkout.currency)}.{' '}
        {orders.length === 1 ? 'The seller has been told to ship it.' : `Each of the ${orders.length} sellers ships their part.`}{' '}
        Your money is held safely until you confirm the delivery.
      </Alert>
      <ul aria-label="Your new orders" className="m-0 flex list-none flex-col gap-3 p-0">
        {orders.map((order) => (
          <PlacedOrder key={order.id} order={order} />
        ))}
      </ul>
      {cart && cart.items.length > 0 && (
        <Alert severity="info">
          Your cart still has items (in other currencies, or added since).{' '}
          <Link component={RouterLink} to="/cart">
            Check them out next
          </Link>
        </Alert>
      )}
      <Link component={RouterLink} to="/account/orders">
        See all your orders
      </Link>
    </>
  )
}

function PlacedOrder({ order }: { order: Order }) {
  return (
    <Paper component="li" variant="outlined" aria-label={`Order from ${order.seller.store_name}`} className="flex flex-col gap-2 p-4">
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        From {order.seller.store_name}
      </Typography>
      <ul className="m-0 pl-5">
        {order.items.map((item) => (
          <li key={`${item.product_id}:${item.option_id ?? ''}`}>
            {item.quantity} × {item.title}
            {item.option_name && ` (${item.option_name})`}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Typography className="font-semibold">Total {formatPrice(order.total, order.currency)}</Typography>
        <Button size="small" variant="outlined" component={RouterLink} to={orderPath(order.id)}>
          View order
        </Button>
      </div>
    </Paper>
  )
}
