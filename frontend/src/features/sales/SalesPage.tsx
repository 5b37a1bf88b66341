import Button from '@mui/material/Button'
import Divider from '@mui/material/Divider'
import Link from '@mui/material/Link'
import Paper from '@mui/material/Paper'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { Fragment } from 'react'
import { Link as RouterLink, useSearchParams } from 'react-router'

import { useGetSalesInfiniteQuery } from '../../api/orders'
import { ORDER_STATUSES, type OrderStatus, type Sale } from '../../api/types'
import { ErrorState } from '../../components/ErrorState'
import { LoadingState } from '../../components/LoadingState'
import { formatPrice } from '../../components/Price'
import { formatDate } from '../account/formatDate'
import { itemsSummary, OrderStatusChip } from '../orders/OrderParts'
import { ORDER_STATUS_LABELS, salePath } from '../orders/orderLabels'
import { RequireStore } from '../selling/RequireStore'
import { SellingNav } from '../selling/SellingNav'
import { LoadMore } from '../../components/LoadMore'

/** Sellers see paid orders only: never one still waiting for its payment. */
const SALE_STATUSES = ORDER_STATUSES.filter((status) => status !== 'pending_payment')

const isSaleStatus = (value: string | null): value is OrderStatus =>
  (SALE_STATUSES as readonly (string | null)[]).includes(value)

/** `/selling/sales?status=…`: the store's sales, newest first, with the fee and what the seller receives. */
export function SalesPage() {
  return (
    <RequireStore>
      <Sales />
    </RequireStore>
  )
}

function Sales() {
  const [searchParams, setSearchParams] = useSearchParams()
  const requested = searchParams.get('status')
  const status = isSaleStatus(requested) ? requested : undefined
  const query = useGetSalesInfiniteQuery({ status })
  const sales = query.data?.pages.flatMap((page) => page.items) ?? []

  return (
    <div className="flex flex-col gap-4">
      <title>Sales · TechMarket</title>
      <SellingNav />
      <Typography variant="h1">Sales</Typography>
      <TextField
        select
        size="small"
        label="Status"
        value={status ?? ''}
        onChange={(event) => setSearchParams(event.target.value ? { status: event.target.value } : {}, { replace: true })}
        slotProps={{ select: { native: true } }}
        className="w-full sm:w-60"
      >
        <option value="">All sales</option>
        {SALE_STATUSES.map((value) => (
          <option key={value} value={value}>
            {value === 'paid' ? 'To ship' : ORDER_STATUS_LABELS[value]}
          </option>
        ))}
      </TextField>
      <Paper variant="outlined" component="section" aria-label="Sales" aria-busy={query.isFetching} className="px-4">
        {query.isLoading ? (
          <div className="py-4">
            <LoadingState label="Loading your sales" variant="list" count={3} />
          </div>
        ) : query.isError && sales.length === 0 ? (
          <div className="py-4">
            <ErrorState error={query.error} onRetry={() => void query.refetch()} />
          </div>
        ) : sales.length === 0 ? (
          <Typography className="py-6">
            {status ? `You have no sales that are ${ORDER_STATUS_LABELS[status].toLowerCase()}.` : 'You have no sales yet.'}
          </Typography>
        ) : (
          <ul className="m-0 flex list-none flex-col p-0">
            {sales.map((sale, index) => (
              <Fragment key={sale.id}>
                {index > 0 && <Divider component="li" aria-hidden />}
                <SaleRow sale={sale} />
              </Fragment>
            ))}
          </ul>
        )}
      </Paper>
      <LoadMore query={query} />
    </div>
  )
}

function SaleRow({ sale }: { sale: Sale }) {
  const label = `Sale to ${sale.shipping_address.name}, ${formatDate(sale.created_at)}`
  const money = (amount: number) => formatPrice(amount, sale.currency)
  return (
    <li aria-label={label} className="flex flex-col gap-2 py-4 sm:flex-row sm:items-center sm:justify-between">
      <div className="flex min-w-0 flex-col gap-1">
        <div className="flex flex-wrap items-center gap-2">
          <Link component={RouterLink} to={salePath(sale.id)} className="font-semibold break-words" underline="hover">
            {itemsSummary(sale)}
          </Link>
          <OrderStatusChip status={sale.status} />
        </div>
        <Typography variant="body2">
          To {sale.shipping_address.name} · sold {formatDate(sale.created_at)}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Total {money(sale.total)} · fee {money(sale.platform_fee)} · you receive {money(sale.seller_receives)}
        </Typography>
      </div>
      <Button size="small" variant="outlined" component={RouterLink} to={salePath(sale.id)} aria-label={`View ${label}`} className="self-start sm:self-center">
        {sale.status === 'paid' ? 'Ship' : 'View'}
      </Button>
    </li>
  )
}
