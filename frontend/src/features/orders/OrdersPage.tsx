import Button from '@mui/material/Button'
import Divider from '@mui/material/Divider'
import Link from '@mui/material/Link'
import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import { Fragment } from 'react'
import { Link as RouterLink } from 'react-router'

import { useGetOrdersInfiniteQuery } from '../../api/orders'
import type { Order } from '../../api/types'
import { ErrorState } from '../../components/ErrorState'
import { LoadingState } from '../../components/LoadingState'
import { formatPrice } from '../../components/Price'
import { formatDate } from '../account/formatDate'
import { RequireSignIn } from '../auth/RequireSignIn'
import { AccountListLayout } from '../watchlist/AccountListLayout'
import { itemsSummary, OrderStatusChip } from './OrderParts'
import { orderPath } from './orderLabels'
import { LoadMore } from '../../components/LoadMore'

/** `/account/orders`: the buyer's orders, newest first. */
export function OrdersPage() {
  return (
    <RequireSignIn>
      <AccountListLayout title="Your orders">
        <Orders />
      </AccountListLayout>
    </RequireSignIn>
  )
}

function Orders() {
  const query = useGetOrdersInfiniteQuery()
  const orders = query.data?.pages.flatMap((page) => page.items) ?? []

  if (query.isLoading) return <LoadingState label="Loading your orders" variant="list" count={3} />
  if (query.isError && orders.length === 0) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />
  return (
    <>
      {orders.length === 0 ? (
        <Paper variant="outlined" className="flex flex-col items-start gap-3 p-6">
          <Typography>You have not ordered anything yet.</Typography>
          <Button variant="contained" component={RouterLink} to="/">
            Start shopping
          </Button>
        </Paper>
      ) : (
        <Paper variant="outlined" className="px-4">
          <ul aria-label="Orders" className="m-0 flex list-none flex-col p-0">
            {orders.map((order, index) => (
              <Fragment key={order.id}>
                {index > 0 && <Divider component="li" aria-hidden />}
                <OrderRow order={order} />
              </Fragment>
            ))}
          </ul>
        </Paper>
      )}
      <LoadMore query={query} />
    </>
  )
}

function OrderRow({ order }: { order: Order }) {
  const label = `Order from ${order.seller.store_name}, ${formatDate(order.created_at)}`
  return (
    <li aria-label={label} className="flex flex-col gap-2 py-4 sm:flex-row sm:items-center sm:justify-between">
      <div className="flex min-w-0 flex-col gap-1">
        <div className="flex flex-wrap items-center gap-2">
          <Link component={RouterLink} to={orderPath(order.id)} className="font-semibold" underline="hover">
            {order.seller.store_name}
          </Link>
          <OrderStatusChip status={order.status} />
        </div>
        <Typography variant="body2" className="break-words">
          {itemsSummary(order)}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Ordered {formatDate(order.created_at)}
        </Typography>
      </div>
      <div className="flex items-center justify-between gap-4 sm:justify-end">
        <Typography className="font-semibold">{formatPrice(order.total, order.currency)}</Typography>
        <Button size="small" variant="outlined" component={RouterLink} to={orderPath(order.id)} aria-label={`View ${label}`}>
          View
        </Button>
      </div>
    </li>
  )
}
