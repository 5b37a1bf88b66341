import type { Carrier, ShippingOption, ShippingService, TrackingStatus } from '../../api/types'
import { formatPrice } from '../../components/Price'

export const SERVICE_LABELS: Record<ShippingService, string> = {
  standard: 'Standard',
  express: 'Express',
}

export const CARRIER_LABELS: Record<Carrier | 'sandbox', string> = {
  ups: 'UPS',
  usps: 'USPS',
  fedex: 'FedEx',
  dhl: 'DHL',
  royal_mail: 'Royal Mail',
  other: 'Another carrier',
  sandbox: 'TechMarket Shipping',
}

export function carrierLabel(carrier: string): string {
  return CARRIER_LABELS[carrier as Carrier] ?? carrier
}

export const TRACKING_STATUS_LABELS: Record<TrackingStatus, string> = {
  label_created: 'Label created',
  picked_up: 'Picked up',
  in_transit: 'In transit',
  out_for_delivery: 'Out for delivery',
  delivered: 'Delivered',
  delivery_exception: 'Delivery problem',
  returned_to_sender: 'Returned to sender',
}

/** The steps a parcel goes through when all is well, in order. */
export const TRACKING_STEPS: TrackingStatus[] = ['label_created', 'picked_up', 'in_transit', 'out_for_delivery', 'delivered']

export const isTrackingProblem = (status: TrackingStatus) =>
  status === 'delivery_exception' || status === 'returned_to_sender'

/**
 * "28 Nov 2025" for a calendar day (`2025-11-28`) or a time. A bare date is read as that day
 * where the reader is, not as UTC midnight (which is the day before west of Greenwich).
 */
export function formatDay(iso: string, locale?: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  const date = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short' }).format(date)
}

/** "1–3 days" / "2 days" / "1 day". */
export function daysText(days: number[]): string {
  const [min, max] = days
  if (min === undefined) return ''
  if (max === undefined || max === min) return `${min} ${min === 1 ? 'day' : 'days'}`
  return `${min}–${max} days`
}

/** "Express, €12.90, 1–2 days, by Fri, 28 Nov, insured": what the radio of one option says. */
export function shippingOptionText(option: ShippingOption, currency: string): string {
  return [
    SERVICE_LABELS[option.service] ?? option.service,
    formatPrice(option.amount, currency),
    daysText(option.estimated_days),
    option.estimated_delivery ? `by ${formatDay(option.estimated_delivery)}` : '',
    option.insured ? 'insured' : '',
  ]
    .filter(Boolean)
    .join(', ')
}
