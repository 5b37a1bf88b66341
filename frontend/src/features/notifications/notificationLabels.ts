import type { NotificationChannel, NotificationKind } from '../../api/types'

/** What each kind of notification is about, as the settings list it. */
export const KIND_LABELS: Record<NotificationKind, { label: string; description: string }> = {
  order_placed: { label: 'New orders', description: 'A buyer paid for something you sell.' },
  order_paid: { label: 'Order receipts', description: 'Your payment went through.' },
  order_shipped: { label: 'Shipped', description: 'Your order is on its way, with the tracking link.' },
  out_for_delivery: { label: 'Out for delivery', description: 'The parcel arrives today.' },
  delivered: { label: 'Delivered', description: 'The carrier delivered the parcel.' },
  delivery_problem: { label: 'Delivery problems', description: 'A parcel is held up or returned.' },
  review_request: { label: 'Review requests', description: 'Tell other buyers how it went.' },
  offer_received: { label: 'Offers received', description: 'A buyer made an offer on your listing.' },
  offer_answered: { label: 'Offer answers', description: 'An offer was accepted, countered or declined.' },
  dispute_opened: { label: 'Disputes opened', description: 'A buyer opened a dispute on an order.' },
  dispute_decided: { label: 'Dispute decisions', description: 'TechMarket decided a dispute.' },
  payout_sent: { label: 'Payouts', description: 'Money was sent to your payout account.' },
  saved_search_match: { label: 'Saved search matches', description: 'A new listing matches a saved search.' },
  price_drop: { label: 'Price drops', description: 'Something on your watchlist is cheaper.' },
  password_reset: { label: 'Password reset', description: 'Someone asked to reset your password.' },
  new_sign_in: { label: 'New sign-ins', description: 'Your account was signed in to from a new device.' },
}

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind as NotificationKind]?.label ?? kind.replace(/_/g, ' ')
}

export const CHANNEL_LABELS: Record<NotificationChannel, string> = {
  in_app: 'In the app',
  email: 'Email',
}

/** "5 min ago", "yesterday", "3 Nov": short enough for the bell's menu. */
export function timeAgo(iso: string, now = Date.now(), locale?: string): string {
  const then = new Date(iso).getTime()
  if (Number.isNaN(then)) return iso
  const seconds = Math.round((now - then) / 1000)
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  if (seconds < 60) return 'just now'
  if (seconds < 3600) return format.format(-Math.floor(seconds / 60), 'minute')
  if (seconds < 86_400) return format.format(-Math.floor(seconds / 3600), 'hour')
  if (seconds < 7 * 86_400) return format.format(-Math.floor(seconds / 86_400), 'day')
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(new Date(iso))
}
