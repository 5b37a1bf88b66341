import type { OrderStatus } from '../../api/types'

export const orderPath = (id: string) => `/account/orders/${encodeURIComponent(id)}`
export const salePath = (id: string) => `/selling/sales/${encodeURIComponent(id)}`

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  pending_payment: 'Awaiting payment',
  paid: 'Paid',
  shipped: 'Shipped',
  delivered: 'Delivered',
  completed: 'Completed',
  cancelled: 'Cancelled',
  refunded: 'Refunded',
  disputed: 'Disputed',
}

export const ORDER_STATUS_COLORS: Record<OrderStatus, 'default' | 'info' | 'primary' | 'success' | 'warning' | 'error'> = {
  pending_payment: 'warning',
  paid: 'info',
  shipped: 'primary',
  delivered: 'primary',
  completed: 'success',
  cancelled: 'default',
  refunded: 'default',
  disputed: 'error',
}

/** What the buyer can do with an order in this status. */
export const canCancel = (status: OrderStatus) => status === 'pending_payment' || status === 'paid'
export const canConfirmDelivery = (status: OrderStatus) => status === 'shipped' || status === 'delivered'
export const canDispute = (status: OrderStatus) => status === 'shipped' || status === 'delivered'
/** Orders that may have a dispute to show: any order that was shipped. */
export const mayHaveDispute = (status: OrderStatus) =>
  status === 'shipped' || status === 'delivered' || status === 'disputed' || status === 'refunded' || status === 'completed'
