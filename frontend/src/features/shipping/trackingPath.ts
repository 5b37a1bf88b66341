/** `/orders/:id/tracking`; from a sale, the page leads back to the sale rather than the order. */
export function trackingPath(orderId: string, from?: 'sale'): string {
  const base = `/orders/${encodeURIComponent(orderId)}/tracking`
  return from ? `${base}?from=${from}` : base
}
