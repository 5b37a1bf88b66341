import type { PriceGuide } from '../../api/types'
import { formatPrice } from '../../components/Price'

/** "median €520.00, range €450.00 – €610.00, based on 14 sales"; `null` without enough data. */
export function priceGuideSentence(guide: PriceGuide): string | null {
  if (guide.basis === 'none' || guide.median === null) return null
  const money = (amount: number) => formatPrice(amount, guide.currency)
  const range = guide.low !== null && guide.high !== null ? `, range ${money(guide.low)} – ${money(guide.high)}` : ''
  const basis =
    guide.basis === 'sales'
      ? `${guide.sample_size} ${guide.sample_size === 1 ? 'sale' : 'sales'}`
      : `${guide.sample_size} asking ${guide.sample_size === 1 ? 'price' : 'prices'}`
  return `median ${money(guide.median)}${range}, based on ${basis}`
}
