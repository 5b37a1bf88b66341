import Chip from '@mui/material/Chip'
import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import { Fragment, useId, type ReactNode } from 'react'

import type { Dispute, Order, OrderStatus, Sale, ShippingAddress } from '../../api/types'
import { formatPrice } from '../../components/Price'
import { countryName } from '../account/countries'
import { formatDate, formatDateTime } from '../account/formatDate'
import { ORDER_STATUS_COLORS, ORDER_STATUS_LABELS } from './orderLabels'

export function OrderStatusChip({ status, size = 'small' }: { status: OrderStatus; size?: 'small' | 'medium' }) {
  return <Chip size={size} label={ORDER_STATUS_LABELS[status]} color={ORDER_STATUS_COLORS[status]} variant="outlined" />
}

/** "iPhone 15 Pro 256 GB and 2 more". */
export function itemsSummary(order: Order): string {
  const first = order.items[0]
  if (!first) return 'No items'
  const more = order.items.length - 1
  return more > 0 ? `${first.title} and ${more} more` : first.title
}

/** A card section with a heading (named by it, for screen readers and tests). */
export function Panel({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  const headingId = useId()
  return (
    <Paper variant="outlined" component="section" aria-labelledby={headingId} className="flex flex-col gap-3 p-4 sm:p-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Typography id={headingId} variant="h3" component="h2">
          {title}
        </Typography>
        {action}
      </div>
      {children}
    </Paper>
  )
}

export function OrderItems({ order }: { order: Order }) {
  return (
    <ul aria-label="Items" className="m-0 flex list-none flex-col gap-1 p-0">
      {order.items.map((item) => (
        <li key={`${item.product_id}:${item.option_id ?? ''}`} className="flex justify-between gap-3">
          <span className="min-w-0 break-words">
            {item.quantity} × {item.title}
            {item.option_name && <span className="text-slate-600"> ({item.option_name})</span>}
          </span>
          <span className="shrink-0">{formatPrice(item.unit_price * item.quantity, order.currency)}</span>
        </li>
      ))}
    </ul>
  )
}

/** Items, shipping, total and refunds; for a seller also the fee and what they receive. */
export function OrderTotals({ order }: { order: Order | Sale }) {
  const money = (amount: number) => formatPrice(amount, order.currency)
  const rows: [string, string, boolean?][] = [
    ['Items', money(order.items_total)],
    ['Shipping', money(order.shipping_total)],
    ['Total', money(order.total), true],
  ]
  if (order.refunded_total > 0) rows.push(['Refunded', money(order.refunded_total)])
  if ('platform_fee' in order) {
    rows.push(['TechMarket fee', `− ${money(order.platform_fee)}`])
    rows.push(['You receive', money(order.seller_receives), true])
  }
  return (
    <dl aria-label="Totals" className="m-0 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
      {rows.map(([label, value, strong]) => (
        <Fragment key={label}>
          <dt className={strong ? 'font-bold' : undefined}>{label}</dt>
          <dd className={`m-0 text-right ${strong ? 'font-bold' : ''}`}>{value}</dd>
        </Fragment>
      ))}
    </dl>
  )
}

export function AddressBlock({ address }: { address: ShippingAddress }) {
  const lines = [address.name, address.line1, address.line2, `${address.postal_code} ${address.city}`, address.region, countryName(address.country)]
  return (
    <address className="not-italic">
      {lines.filter(Boolean).map((line) => (
        <span key={line} className="block">
          {line}
        </span>
      ))}
      {address.phone && <span className="block text-slate-600">Phone {address.phone}</span>}
    </address>
  )
}

/** What happened to the order, oldest first, as an ordered list. */
export function OrderTimeline({ order }: { order: Order }) {
  return (
    <ol aria-label="Order timeline" className="m-0 flex list-none flex-col gap-3 border-0 border-l-2 border-solid border-slate-200 p-0 pl-4">
      {order.timeline.map((event, index) => (
        <li key={`${event.at}-${index}`} className="flex flex-col">
          <span className="font-semibold">{ORDER_STATUS_LABELS[event.status]}</span>
          {event.note && <span className="text-sm">{event.note}</span>}
          <time dateTime={event.at} className="text-sm text-slate-600">
            {formatDateTime(event.at)}
          </time>
        </li>
      ))}
    </ol>
  )
}

/** A sentence about where the order stands and what comes next, for the buyer. */
export function buyerStatusText(order: Order): string {
  switch (order.status) {
    case 'pending_payment':
      return 'We are waiting for the payment to be confirmed.'
    case 'paid':
      return `Paid on ${formatDate(order.paid_at ?? order.created_at)}. The seller is preparing the parcel.`
    case 'shipped':
      return `Shipped on ${formatDate(order.shipped_at ?? order.created_at)}. Confirm the delivery once it arrives and is as described.`
    case 'delivered':
      return order.inspection_ends_at
        ? `Delivered. Check it by ${formatDate(order.inspection_ends_at)}: then the order completes and the seller is paid.`
        : 'Delivered. Confirm the delivery once you have checked it.'
    case 'completed':
      return 'Completed: the seller has been paid.'
    case 'cancelled':
      return order.refunded_total > 0
        ? `Cancelled. ${formatPrice(order.refunded_total, order.currency)} was refunded to your card.`
        : 'Cancelled.'
    case 'refunded':
      return `Refunded: ${formatPrice(order.refunded_total, order.currency)} went back to your card.`
    case 'disputed':
      return 'You opened a dispute. TechMarket holds the money until it is decided.'
  }
}

const DISPUTE_REASON_LABELS: Record<Dispute['reason'], string> = {
  not_received: 'Not received',
  not_as_described: 'Not as described',
}
export { DISPUTE_REASON_LABELS }

const DISPUTE_STATUS_TEXT: Record<Dispute['status'], string> = {
  open: 'Open: waiting for the seller’s answer.',
  answered: 'Answered: TechMarket is reviewing both sides.',
  decided: 'Decided.',
}

const DECISION_TEXT: Record<NonNullable<Dispute['decision']>, string> = {
  refund: 'Refunded in full',
  partial_refund: 'Partly refunded',
  release: 'Payment released to the seller',
}

/** A dispute as both sides see it: reason, statements, photos, decision. */
export function DisputeDetails({ dispute, currency }: { dispute: Dispute; currency: string }) {
  return (
    <div className="flex flex-col gap-3">
      <dl className="m-0 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
        <dt className="text-slate-600">Reason</dt>
        <dd className="m-0">{DISPUTE_REASON_LABELS[dispute.reason]}</dd>
        <dt className="text-slate-600">Status</dt>
        <dd className="m-0">{DISPUTE_STATUS_TEXT[dispute.status]}</dd>
        <dt className="text-slate-600">Opened</dt>
        <dd className="m-0">{formatDateTime(dispute.opened_at)}</dd>
        <dt className="text-slate-600">Buyer’s statement</dt>
        <dd className="m-0 whitespace-pre-line">{dispute.buyer_statement}</dd>
        {dispute.seller_answer && (
          <>
            <dt className="text-slate-600">Seller’s answer</dt>
            <dd className="m-0 whitespace-pre-line">{dispute.seller_answer}</dd>
          </>
        )}
        {dispute.decision && (
          <>
            <dt className="text-slate-600">Decision</dt>
            <dd className="m-0">
              {DECISION_TEXT[dispute.decision]}
              {dispute.refund_amount ? `: ${formatPrice(dispute.refund_amount, currency)}` : ''}
              {dispute.decision_note && <span className="block text-sm">{dispute.decision_note}</span>}
            </dd>
          </>
        )}
      </dl>
      {dispute.photos.length > 0 && (
        <ul aria-label="Photos" className="m-0 flex list-none flex-wrap gap-2 p-0">
          {dispute.photos.map((photo, index) => (
            <li key={photo.full_url}>
              <a href={photo.full_url} target="_blank" rel="noreferrer">
                <img
                  src={photo.thumbnail_url}
                  alt={`Photo ${index + 1} of ${dispute.photos.length}`}
                  width={80}
                  height={80}
                  className="h-20 w-20 rounded-lg bg-slate-100 object-cover"
                />
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
