import Divider from '@mui/material/Divider'
import Typography from '@mui/material/Typography'
import { Fragment } from 'react'

import type { Quote, SellerQuote, ShippingService, ShippingServices } from '../../api/types'
import { formatPrice } from '../../components/Price'
import { ShippingServiceChoice } from './ShippingServiceChoice'

const ZONES: Record<string, string> = {
  domestic: 'within the country',
  eea: 'within the EEA',
  international: 'international',
}

/** "Delivery in 2–5 days, within the EEA". */
export function deliveryText(seller: SellerQuote): string {
  const [min, max] = seller.estimated_days
  const days = min === undefined ? '' : max === undefined || max === min ? `${min}` : `${min}–${max}`
  const zone = ZONES[seller.shipping_zone] ?? seller.shipping_zone.replace(/_/g, ' ')
  return days ? `Delivery in ${days} ${max === 1 || (max === undefined && min === 1) ? 'day' : 'days'}, ${zone}` : `Shipping ${zone}`
}

type QuoteSummaryProps = {
  quote: Quote
  /** The buyer's service level per seller; sellers left out show what the quote priced. */
  services?: ShippingServices
  onServiceChange?: (sellerId: string, service: ShippingService) => void
  /** A new quote for a changed choice is on its way (the totals shown are the previous ones). */
  updating?: boolean
}

/**
 * What the buyer pays, per seller (one parcel and one order each) and in all, with the choice
 * of service level per seller when the quote offers several.
 */
export function QuoteSummary({ quote, services = {}, onServiceChange, updating = false }: QuoteSummaryProps) {
  const money = (amount: number) => formatPrice(amount, quote.currency)
  return (
    <div className="flex flex-col gap-4">
      {quote.sellers.map((seller) => (
        <section key={seller.seller_id} aria-label={`Order from ${seller.store_name}`} className="flex flex-col gap-2">
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
            From {seller.store_name}
          </Typography>
          <ul className="m-0 flex list-none flex-col gap-1 p-0">
            {seller.items.map((item) => (
              <li key={`${item.product_id}:${item.option_id ?? ''}`} className="flex justify-between gap-3">
                <span className="min-w-0 break-words">
                  {item.quantity} × {item.title}
                  {item.option_name && <span className="text-slate-600"> ({item.option_name})</span>}
                </span>
                <span className="shrink-0">{money(item.line_total)}</span>
              </li>
            ))}
          </ul>
          {onServiceChange && (
            <ShippingServiceChoice
              seller={seller}
              currency={quote.currency}
              value={services[seller.seller_id] ?? seller.shipping_service ?? 'standard'}
              onChange={(service) => onServiceChange(seller.seller_id, service)}
            />
          )}
          <dl className="m-0 grid grid-cols-[1fr_auto] gap-x-4 text-sm">
            <dt>Shipping · {deliveryText(seller)}</dt>
            <dd className="m-0 text-right">{money(seller.shipping)}</dd>
            <dt className="font-semibold">Order total</dt>
            <dd className="m-0 text-right font-semibold">{money(seller.total)}</dd>
          </dl>
        </section>
      ))}
      <Divider />
      <Typography role="status" variant="body2" color="text.secondary" className={updating ? '' : 'sr-only'}>
        {updating ? 'Updating shipping and the total…' : ''}
      </Typography>
      <dl aria-label="Totals" className="m-0 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
        {[
          ['Items', quote.items_total],
          ['Shipping', quote.shipping_total],
        ].map(([label, amount]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd className="m-0 text-right">{money(amount as number)}</dd>
          </Fragment>
        ))}
        <dt className="text-lg font-bold">Total</dt>
        <dd className="m-0 text-right text-lg font-bold">{money(quote.total)}</dd>
      </dl>
    </div>
  )
}
