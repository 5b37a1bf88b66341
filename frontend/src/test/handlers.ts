import { http, HttpResponse } from 'msw'

import type {
  AddressCreate,
  CardDetails,
  CartItemCreate,
  DisputeCreate,
  NotificationPreferenceChange,
  OrderCreate,
  QuoteRequest,
  Sale,
  Shipment,
  ShipmentCreate,
  ContactCreate,
  PasswordStrength,
  ProblemFieldError,
  ProductCreate,
  ProductDetail,
  ProductUpdate,
  SavedSearchCreate,
  SocialLinkCreate,
} from '../api/types'
import { eventStreamChannel } from './eventStream'
import {
  activityPage,
  address,
  addresses,
  cartLine,
  cartLines,
  cartOf,
  checkoutOf,
  dispute,
  offer,
  offersMade,
  offersReceived,
  order,
  orders,
  paymentMethods,
  payoutSummary,
  notificationPreferences,
  notifications,
  quoteFor,
  sales,
  tracking,
  androidListingForm,
  categories,
  comparisonOf,
  contacts,
  detailOf,
  featuredProducts,
  imageUrls,
  me,
  myListings,
  newestPage,
  popularCategories,
  priceGuide,
  productDetail,
  productSummary,
  promotions,
  relatedProducts,
  savedSearches,
  sessions,
  socialLinks,
  suggestions,
  tokenPair,
  userAlerts,
  watchlist,
} from './fixtures'

/** The API base every handler answers under, resolved like a browser would resolve `/api/v1`. */
export const api = (path: string) => new URL(`/api/v1${path}`, window.location.origin).href

/** An RFC 9457 error response, as the backend sends them; `errors` for a 422, `headers` e.g. Retry-After. */
export function problem(
  status: number,
  title: string,
  detail?: string,
  extra: { errors?: ProblemFieldError[]; headers?: Record<string, string>; code?: string } = {},
) {
  return HttpResponse.json(
    {
      type: extra.code ? `https://techmarket.dev/problems/${extra.code}` : 'about:blank',
      title,
      status,
      detail,
      ...(extra.code ? { code: extra.code } : {}),
      ...(extra.errors ? { errors: extra.errors } : {}),
    },
    { status, headers: { 'Content-Type': 'application/problem+json', ...extra.headers } },
  )
}

/** Outside `/api/v1`: the payment processor's card endpoint, on the same origin. */
export const sandbox = (path: string) => new URL(`/sandbox/payments${path}`, window.location.origin).href

/** Test cards, as the sandbox processor knows them (by the token's last four digits). */
const DECLINES: Record<string, string> = {
  '0002': 'Your card was declined. Nothing was charged; try another card.',
  '9995': 'Your card has insufficient funds. Nothing was charged; try another card.',
}

function luhnValid(digits: string): boolean {
  let sum = 0
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index])
    if (index % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}

/** The sandbox processor's `POST /tokens`: checks the card like a processor would, answers a token. */
export async function tokenizeHandler({ request }: { request: Request }) {
  const card = (await request.json()) as CardDetails
  const digits = String(card.number).replace(/[\s-]/g, '')
  const errors: ProblemFieldError[] = []
  if (!/^\d{12,19}$/.test(digits) || !luhnValid(digits)) errors.push({ field: 'number', in: 'body', message: 'This card number is not valid.' })
  if (!Number.isInteger(card.exp_month) || card.exp_month < 1 || card.exp_month > 12) errors.push({ field: 'exp_month', in: 'body', message: 'Month 1 to 12.' })
  if (!Number.isInteger(card.exp_year) || card.exp_year < 2025) errors.push({ field: 'exp_year', in: 'body', message: 'This card has expired.' })
  if (!/^\d{3,4}$/.test(card.cvc)) errors.push({ field: 'cvc', in: 'body', message: '3 or 4 digits.' })
  if (errors.length > 0) return problem(422, 'The card was not accepted', 'Check the card details.', { errors, code: 'invalid-card' })
  return HttpResponse.json(
    { token: `tok_${digits.slice(-4)}`, brand: digits.startsWith('5') ? 'mastercard' : 'visa', last4: digits.slice(-4), exp_month: card.exp_month, exp_year: card.exp_year },
    { status: 201 },
  )
}

/** `POST /orders` as the backend answers it for the test cards. */
export async function placeOrderHandler({ request }: { request: Request }) {
  if (!signedIn(request)) return unauthorized()
  if (!request.headers.get('Idempotency-Key')) {
    return problem(422, 'Idempotency-Key missing', 'Send an Idempotency-Key header.', { code: 'idempotency-key-missing' })
  }
  const body = (await request.json()) as OrderCreate
  const last4 = body.payment_method_id.slice(-4)
  const decline = DECLINES[last4]
  if (decline) return problem(402, 'Your payment was declined', decline, { code: 'payment-declined' })
  if (last4 === '3220') {
    return HttpResponse.json(
      checkoutOf('pending_payment', { next_action: { type: 'redirect', url: 'http://localhost:8000/sandbox/payments/challenge/auth_3ds' } }),
      { status: 201 },
    )
  }
  return HttpResponse.json(checkoutOf('paid'), { status: 201 })
}

/** A stand-in for the server's strength check: longer is stronger, short passwords get a reason. */
export function strengthOf(password: string): PasswordStrength {
  const score = Math.min(4, Math.floor(password.length / 4)) as PasswordStrength['score']
  return {
    acceptable: score >= 3,
    score,
    reasons: password.length < 12 ? ['Use at least 12 characters.'] : [],
    suggestions: score < 4 ? ['Add another word or two.'] : [],
  }
}

const noContent = () => new HttpResponse(null, { status: 204 })
const signedIn = (request: Request) => request.headers.get('Authorization')?.startsWith('Bearer ') === true
const unauthorized = () => problem(401, 'Not signed in', 'Sign in to continue.')

/** Every listing the fake backend knows by id: the product page's, and the seller's own. */
const knownListings = (): ProductDetail[] => [productDetail, ...myListings]
const findListing = (id: unknown) => knownListings().find((listing) => listing.id === id)
const listingNotFound = () => problem(404, 'Listing not found', 'No listing has this id.')

/** The listing `POST /products` creates from `body`, as the server would answer it. */
export function createdListing(body: ProductCreate, id = 'new-listing'): ProductDetail {
  const category = categories.find((entry) => entry.id === body.category_id)
  return detailOf(
    productSummary({
      id,
      title: body.title,
      brand: body.brand,
      model: body.model ?? '',
      condition: body.condition,
      price: body.price,
      currency: body.currency,
      image: null,
      featured: false,
      location: body.location ?? null,
      category: category ? { id: category.id, slug: category.slug, name: category.name } : productDetail.category,
    }),
    {
      description: body.description ?? '',
      specs: body.specs ?? {},
      options: (body.options ?? []).map((option, index) => ({ id: `o-new-${index}`, ...option })),
      images: [],
      quantity: body.quantity,
      visibility: body.visibility ?? 'public',
      cosmetic_notes: body.cosmetic_notes ?? '',
      shipping: body.shipping ?? null,
      device: body.serial_number ? { serial_masked: `•••••${body.serial_number.slice(-4)}`, history_count: 0 } : null,
    },
  )
}

const findOrder = (id: unknown) => orders.find((entry) => entry.id === id)
const findSale = (id: unknown) => sales.find((entry) => entry.id === id)
const orderNotFound = () => problem(404, 'Order not found', 'You have no such order.')
const TRACKING = /^[A-Za-z0-9-]{6,40}$/

/** The tracking of the shipped orders and sales of the fixtures. */
function trackingOf(id: unknown) {
  if (id === 'ord-2') return tracking()
  if (id === 'sale-2') return tracking({ order_id: 'sale-2' })
  return null
}

/** Per-carrier tracking formats, as the backend checks them (only the ones the tests use). */
const CARRIER_FORMATS: Record<string, RegExp> = {
  dhl: /^\d{10,11}$|^JJD\d{18}$/,
  ups: /^1Z[0-9A-Z]{16}$/,
}

/** `POST /sales/{id}/ship`: a bought label, or another carrier's validated tracking number. */
export async function shipHandler({ params, request }: { params: Record<string, unknown>; request: Request }) {
  const found = findSale(params.id)
  if (!found) return orderNotFound()
  const body = (await request.json()) as ShipmentCreate
  let shipment: Shipment
  if ('tracking_number' in body) {
    const format = CARRIER_FORMATS[body.carrier] ?? TRACKING
    if (!format.test(body.tracking_number)) {
      return problem(422, 'Your request has invalid fields', undefined, {
        errors: [{ field: 'tracking_number', in: 'body', message: `This is not a ${body.carrier.toUpperCase()} tracking number.` }],
      })
    }
    shipment = {
      id: 'shp-own',
      carrier: body.carrier,
      service: null,
      tracking_number: body.tracking_number,
      tracking_url: null,
      label_url: null,
      status: 'label_created',
      estimated_delivery: null,
    }
  } else {
    shipment = {
      id: 'shp-1',
      carrier: 'sandbox',
      service: body.service ?? 'standard',
      tracking_number: 'TMSB0009876543',
      tracking_url: 'http://localhost:8000/sandbox/carrier/track/TMSB0009876543',
      label_url: `/api/v1/sales/${String(params.id)}/label`,
      status: 'label_created',
      estimated_delivery: '2025-11-29',
    }
  }
  const shipped: Sale = {
    ...found,
    status: 'shipped',
    shipped_at: '2025-11-26T09:00:00Z',
    shipment,
    timeline: [...found.timeline, { status: 'shipped', note: `${shipment.carrier} ${shipment.tracking_number}`, at: '2025-11-26T09:00:00Z' }],
  }
  return HttpResponse.json(shipped)
}

/** The notification handlers of issue 6: the bell's list and count, read marks, preferences, the stream. */
export const notificationHandlers = [
  http.get(api('/notifications'), ({ request }) => {
    if (!signedIn(request)) return unauthorized()
    const url = new URL(request.url)
    const unreadOnly = url.searchParams.get('unread_only') === 'true'
    const limit = Number(url.searchParams.get('limit') ?? 20)
    const items = notifications.filter((entry) => !unreadOnly || !entry.read).slice(0, limit)
    return HttpResponse.json({ items, next_cursor: null, unread: notifications.filter((entry) => !entry.read).length })
  }),
  http.get(api('/notifications/unread-count'), ({ request }) =>
    signedIn(request) ? HttpResponse.json({ unread: notifications.filter((entry) => !entry.read).length }) : unauthorized(),
  ),
  http.post(api('/notifications/:id/read'), ({ params }) => {
    const found = notifications.find((entry) => entry.id === params.id)
    if (!found) return problem(404, 'Notification not found')
    return HttpResponse.json({ ...found, read: true, read_at: '2025-11-27T12:00:00Z' })
  }),
  http.post(api('/notifications/read-all'), () =>
    HttpResponse.json({ marked: notifications.filter((entry) => !entry.read).length, unread: 0 }),
  ),
  http.get(api('/notifications/preferences'), ({ request }) =>
    signedIn(request) ? HttpResponse.json({ items: notificationPreferences }) : unauthorized(),
  ),
  http.put(api('/notifications/preferences'), async ({ request }) => {
    const changes = (await request.json()) as NotificationPreferenceChange[]
    const locked = changes.find((change) => notificationPreferences.some((item) => item.kind === change.kind && item.locked))
    if (locked) {
      return problem(422, 'This notification cannot be turned off', 'Security messages cannot be turned off.', { code: 'notification-locked' })
    }
    const items = notificationPreferences.map((item) => {
      const change = changes.find((entry) => entry.kind === item.kind && entry.channel === item.channel)
      return change ? { ...item, enabled: change.enabled } : item
    })
    return HttpResponse.json({ items })
  }),
  http.get(api('/notifications/stream'), ({ request }) => {
    if (!signedIn(request)) return unauthorized()
    return eventStreamChannel().respond(request, [{ event: 'unread', data: { unread: notifications.filter((entry) => !entry.read).length } }])
  }),
]

/** The money handlers of issue 5: cart, checkout, orders, sales, disputes, payments, payouts, offers. */
export const moneyHandlers = [
  http.get(api('/cart'), ({ request }) => (signedIn(request) ? HttpResponse.json(cartOf(cartLines)) : unauthorized())),
  http.post(api('/cart/items'), async ({ request }) => {
    if (!signedIn(request)) return unauthorized()
    const body = (await request.json()) as CartItemCreate
    return HttpResponse.json(
      cartLine({ id: 'line-new', product_id: body.product_id, option_id: body.option_id ?? null, quantity: body.quantity }),
      { status: 201 },
    )
  }),
  http.patch(api('/cart/items/:id'), async ({ params, request }) => {
    const line = cartLines.find((entry) => entry.id === params.id)
    if (!line) return problem(404, 'Cart line not found', undefined, { code: 'cart-line-not-found' })
    const { quantity } = (await request.json()) as { quantity: number }
    return HttpResponse.json(cartLine({ ...line, quantity, line_total: line.unit_price * quantity }))
  }),
  http.post(api('/cart/items/:id/accept-price'), ({ params }) => {
    const line = cartLines.find((entry) => entry.id === params.id)
    if (!line) return problem(404, 'Cart line not found', undefined, { code: 'cart-line-not-found' })
    return HttpResponse.json({ ...line, price_when_added: line.unit_price, problems: line.problems.filter((p) => p !== 'price_changed') })
  }),
  http.delete(api('/cart/items/:id'), noContent),
  http.post(api('/cart/merge'), async ({ request }) => {
    if (!signedIn(request)) return unauthorized()
    const { items } = (await request.json()) as { items: CartItemCreate[] }
    const lines = items.map((item, index) =>
      cartLine({ id: `merged-${index}`, product_id: item.product_id, option_id: item.option_id ?? null, quantity: item.quantity }),
    )
    return HttpResponse.json({ cart: cartOf(lines), skipped: [] })
  }),
  http.post(api('/checkout/quote'), async ({ request }) => {
    if (!signedIn(request)) return unauthorized()
    const body = (await request.json()) as QuoteRequest & { address_id?: string; shipping_address?: object }
    if (!body.address_id && !body.shipping_address) {
      return problem(422, 'Your request has invalid fields', 'Give a shipping address or address_id.', {
        errors: [{ field: 'shipping_address', in: 'body', message: 'Field required' }],
      })
    }
    return HttpResponse.json(quoteFor(body.shipping_services))
  }),
  http.post(api('/orders'), placeOrderHandler),
  http.get(api('/checkouts/:id'), ({ params }) => {
    const placed = checkoutOf('paid')
    return HttpResponse.json({ ...placed, checkout: { ...placed.checkout, id: params.id } })
  }),
  http.get(api('/orders'), ({ request }) => (signedIn(request) ? HttpResponse.json({ items: orders, next_cursor: null }) : unauthorized())),
  http.get(api('/orders/:id'), ({ params }) => {
    const found = findOrder(params.id)
    return found ? HttpResponse.json(found) : orderNotFound()
  }),
  http.post(api('/orders/:id/cancel'), ({ params }) => {
    const found = findOrder(params.id)
    if (!found) return orderNotFound()
    if (!['pending_payment', 'paid'].includes(found.status)) {
      return problem(409, 'The order cannot do that now', 'An order that is shipped cannot become cancelled.', { code: 'illegal-transition' })
    }
    return HttpResponse.json(order({ ...found, status: 'cancelled', cancelled_at: '2025-11-25T12:00:00Z', refunded_total: found.total }))
  }),
  http.post(api('/orders/:id/confirm-delivery'), ({ params }) => {
    const found = findOrder(params.id)
    if (!found) return orderNotFound()
    return HttpResponse.json(order({ ...found, status: 'completed', completed_at: '2025-11-28T12:00:00Z' }))
  }),
  http.post(api('/orders/:id/disputes'), async ({ params, request }) => {
    const found = findOrder(params.id)
    if (!found) return orderNotFound()
    const body = (await request.json()) as DisputeCreate
    return HttpResponse.json(dispute({ id: 'dsp-new', order_id: found.id, reason: body.reason, buyer_statement: body.statement }), { status: 201 })
  }),
  http.get(api('/disputes'), () => HttpResponse.json({ items: [], next_cursor: null })),
  http.post(api('/disputes/:id/photos'), ({ params }) =>
    HttpResponse.json(dispute({ id: String(params.id), photos: [{ thumbnail_url: '/media/disputes/p-thumb.webp', full_url: '/media/disputes/p-full.webp' }] }), { status: 201 }),
  ),
  http.post(api('/disputes/:id/answer'), async ({ params, request }) => {
    const { statement } = (await request.json()) as { statement: string }
    return HttpResponse.json(dispute({ id: String(params.id), status: 'answered', seller_answer: statement, answered_at: '2025-11-28T09:00:00Z' }))
  }),
  http.get(api('/sales'), ({ request }) => {
    if (!signedIn(request)) return unauthorized()
    const status = new URL(request.url).searchParams.get('status')
    return HttpResponse.json({ items: status ? sales.filter((entry) => entry.status === status) : sales, next_cursor: null })
  }),
  http.get(api('/sales/:id'), ({ params }) => {
    const found = findSale(params.id)
    return found ? HttpResponse.json(found) : orderNotFound()
  }),
  http.post(api('/sales/:id/ship'), shipHandler),
  http.get(api('/sales/:id/label'), ({ params }) =>
    findSale(params.id)
      ? new HttpResponse('%PDF-1.4 label', {
          headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="label-${String(params.id)}.pdf"` },
        })
      : orderNotFound(),
  ),
  http.get(api('/orders/:id/tracking'), ({ params }) => {
    const found = trackingOf(params.id)
    return found ? HttpResponse.json(found) : problem(404, 'Not shipped yet', 'This order has no shipment yet.', { code: 'shipment-not-found' })
  }),
  http.get(api('/orders/:id/tracking/stream'), ({ params, request }) => {
    const found = trackingOf(params.id)
    if (!found) return problem(404, 'Not shipped yet', 'This order has no shipment yet.', { code: 'shipment-not-found' })
    return eventStreamChannel().respond(request, [{ event: 'tracking', data: found }])
  }),
  http.post(sandbox('/tokens'), tokenizeHandler),
  http.get(api('/payments/methods'), ({ request }) => (signedIn(request) ? HttpResponse.json({ items: paymentMethods }) : unauthorized())),
  http.post(api('/payments/methods'), async ({ request }) => {
    const body = (await request.json()) as { provider: string; token: string }
    const last4 = body.token.slice(-4)
    return HttpResponse.json(
      { id: `pm-${body.token}`, provider: body.provider, brand: 'visa', last4, exp_month: 12, exp_year: 2030, created_at: '2025-11-25T12:00:00Z' },
      { status: 201 },
    )
  }),
  http.delete(api('/payments/methods/:id'), noContent),
  http.get(api('/payouts'), ({ request }) => (signedIn(request) ? HttpResponse.json(payoutSummary) : unauthorized())),
  http.put(api('/payouts/account'), async ({ request }) => {
    const { account_ref: ref } = (await request.json()) as { account_ref: string }
    if (!/^acct_[A-Za-z0-9]{4,60}$/.test(ref)) {
      return problem(422, 'Your request has invalid fields', undefined, {
        errors: [{ field: 'account_ref', in: 'body', message: 'String should match pattern' }],
      })
    }
    return HttpResponse.json({ provider: 'sandbox', account_ref: ref })
  }),
  http.post(api('/payouts'), async ({ request }) => {
    const { currency } = (await request.json()) as { currency: string }
    const balance = payoutSummary.balances.find((entry) => entry.currency === currency)
    if (!balance || balance.available <= 0) {
      return problem(409, 'Nothing to pay out', `Your available balance in ${currency} is 0.`, { code: 'nothing-to-pay-out' })
    }
    return HttpResponse.json({ id: 'po-new', amount: balance.available, currency, status: 'paid', created_at: '2025-11-28T10:00:00Z' }, { status: 201 })
  }),
  http.post(api('/products/:id/offers'), async ({ params, request }) => {
    const body = (await request.json()) as { amount: number; option_id?: string }
    return HttpResponse.json(
      offer({ id: 'off-new', product_id: String(params.id), option_id: body.option_id ?? null, amount: body.amount }),
      { status: 201 },
    )
  }),
  http.get(api('/offers'), ({ request }) => {
    if (!signedIn(request)) return unauthorized()
    const role = new URL(request.url).searchParams.get('role')
    return HttpResponse.json({ items: role === 'seller' ? offersReceived : offersMade, next_cursor: null })
  }),
  http.post(api('/offers/:id/:move'), async ({ params, request }) => {
    const found = [...offersMade, ...offersReceived].find((entry) => entry.id === params.id)
    if (!found) return problem(404, 'Offer not found')
    const move = String(params.move)
    const status = { accept: 'accepted', decline: 'declined', withdraw: 'withdrawn', counter: 'countered' }[move]
    if (!status) return problem(404, 'Not found')
    const counter = move === 'counter' ? ((await request.json()) as { amount: number }).amount : found.counter_amount
    return HttpResponse.json({ ...found, status, counter_amount: counter })
  }),
]

/** A healthy backend; tests override single routes with `server.use(...)`. */
export const handlers = [
  ...moneyHandlers,
  ...notificationHandlers,
  http.get(api('/categories'), () => HttpResponse.json({ items: categories })),
  http.get(api('/categories/popular'), () => HttpResponse.json({ items: popularCategories })),
  http.get(api('/categories/:slug/listing-form'), ({ params }) => {
    const category = categories.find((entry) => entry.slug === params.slug)
    if (!category) return problem(404, 'Category not found')
    // Only the Android phones category has spec fields in this sample catalogue.
    return HttpResponse.json(
      params.slug === androidListingForm.category.slug
        ? androidListingForm
        : { category: { id: category.id, slug: category.slug, name: category.name }, fields: [], checklist: [] },
    )
  }),
  http.get(api('/promotions'), () => HttpResponse.json({ items: promotions })),
  http.get(api('/products/featured'), () => HttpResponse.json({ items: featuredProducts })),
  http.get(api('/products/mine'), ({ request }) => {
    if (!signedIn(request)) return unauthorized()
    const status = new URL(request.url).searchParams.get('status')
    return HttpResponse.json({
      items: status ? myListings.filter((listing) => listing.status === status) : myListings,
      next_cursor: null,
    })
  }),
  http.get(api('/products/suggest'), ({ request }) => {
    const q = (new URL(request.url).searchParams.get('q') ?? '').trim().toLowerCase()
    if (q.length < 2) {
      return problem(422, 'Your request has invalid fields', undefined, {
        errors: [{ field: 'q', in: 'query', message: 'at least 2 characters' }],
      })
    }
    const words = q.split(/\s+/)
    return HttpResponse.json({
      items: suggestions.filter((entry) => words.some((word) => entry.label.toLowerCase().includes(word))),
    })
  }),
  http.get(api('/products/compare'), ({ request }) => {
    const ids = (new URL(request.url).searchParams.get('ids') ?? '').split(',').filter(Boolean)
    if (ids.length < 2 || ids.length > 4) {
      return problem(422, 'Your request has invalid fields', 'Compare 2 to 4 listings.', {
        errors: [{ field: 'ids', in: 'query', message: 'give 2 to 4 ids' }],
      })
    }
    return HttpResponse.json(comparisonOf(ids))
  }),
  http.get(api('/products/price-guide'), ({ request }) => {
    const params = new URL(request.url).searchParams
    return HttpResponse.json({
      ...priceGuide,
      brand: params.get('brand'),
      model: params.get('model'),
      condition: params.get('condition'),
      currency: params.get('currency'),
    })
  }),
  http.get(api('/products/:id/related'), ({ params }) =>
    findListing(params.id) ? HttpResponse.json({ items: relatedProducts }) : listingNotFound(),
  ),
  http.get(api('/products/:id'), ({ params }) => {
    const listing = findListing(params.id)
    return listing ? HttpResponse.json(listing) : listingNotFound()
  }),
  http.get(api('/products'), () => HttpResponse.json(newestPage)),
  http.post(api('/products'), async ({ request }) => {
    if (!signedIn(request)) return unauthorized()
    return HttpResponse.json(createdListing((await request.json()) as ProductCreate), { status: 201 })
  }),
  http.patch(api('/products/:id'), async ({ params, request }) => {
    const listing = findListing(params.id)
    if (!listing) return listingNotFound()
    const { options, serial_number: _serial, checklist: _checklist, ...changes } = (await request.json()) as ProductUpdate
    return HttpResponse.json({
      ...listing,
      ...changes,
      ...(options ? { options: options.map((option, index) => ({ id: `o-${index}`, ...option })) } : {}),
    })
  }),
  http.delete(api('/products/:id'), ({ params }) => (findListing(params.id) ? noContent() : listingNotFound())),
  http.post(api('/products/:id/images'), async ({ params, request }) => {
    const listing = findListing(params.id)
    if (!listing) return listingNotFound()
    // jsdom's File reaches msw as another realm's Blob: check for "not a text field" instead of `instanceof`.
    const file = (await request.formData()).get('file')
    if (file === null || typeof file === 'string') {
      return problem(422, 'Your request has invalid fields', undefined, {
        errors: [{ field: 'file', in: 'body', message: 'Field required' }],
      })
    }
    return HttpResponse.json({ ...listing, images: [...listing.images, imageUrls('img-uploaded')] }, { status: 201 })
  }),
  http.delete(api('/products/:id/images/:imageId'), noContent),
  http.put(api('/products/:id/images/order'), async ({ params, request }) => {
    const listing = findListing(params.id)
    if (!listing) return listingNotFound()
    const { image_ids: ids } = (await request.json()) as { image_ids: string[] }
    const images = ids.map((id) => listing.images.find((image) => image.id === id))
    if (ids.length !== listing.images.length || images.some((image) => image === undefined)) {
      return problem(422, 'Your request has invalid fields', 'List every image of the listing once.')
    }
    return HttpResponse.json({ ...listing, images })
  }),

  // Accounts. By default the browser holds no session cookie: the start-up refresh gets a 401.
  http.post(api('/auth/refresh'), () => problem(401, 'No session', 'Sign in again.')),
  http.post(api('/auth/register'), async ({ request }) => {
    const body = (await request.json()) as { email: string; display_name: string }
    return HttpResponse.json(me({ email: body.email, display_name: body.display_name, email_verified: false }), {
      status: 201,
    })
  }),
  http.post(api('/auth/password/strength'), async ({ request }) => {
    const body = (await request.json()) as { password: string }
    return HttpResponse.json(strengthOf(body.password))
  }),
  http.post(api('/auth/login'), () => HttpResponse.json(tokenPair())),
  http.post(api('/auth/login/mfa'), () => HttpResponse.json(tokenPair())),
  http.post(api('/auth/logout'), noContent),
  // No social sign-in configured unless a test says otherwise.
  http.get(api('/auth/oauth/providers'), () => HttpResponse.json({ items: [] })),
  http.post(api('/auth/email/verify'), noContent),
  http.post(api('/auth/email/verify/resend'), () => new HttpResponse(null, { status: 202 })),
  http.post(api('/auth/password/forgot'), () => new HttpResponse(null, { status: 202 })),
  http.post(api('/auth/password/reset'), noContent),
  http.post(api('/auth/password/change'), noContent),
  http.post(api('/auth/mfa/totp/setup'), () =>
    HttpResponse.json({
      secret: 'JBSWY3DPEHPK3PXP',
      otpauth_uri: 'otpauth://totp/TechMarket:ada%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=TechMarket',
    }),
  ),
  http.post(api('/auth/mfa/totp/confirm'), () =>
    HttpResponse.json({ recovery_codes: Array.from({ length: 10 }, (_, i) => `code-${String(i).padStart(4, '0')}-abcd`) }),
  ),
  http.post(api('/auth/mfa/totp/disable'), noContent),
  http.get(api('/auth/sessions'), ({ request }) =>
    signedIn(request) ? HttpResponse.json({ items: sessions, next_cursor: null }) : unauthorized(),
  ),
  http.delete(api('/auth/sessions/:id'), noContent),
  http.get(api('/auth/activity'), ({ request }) => (signedIn(request) ? HttpResponse.json(activityPage) : unauthorized())),
  http.get(api('/users/me'), ({ request }) => (signedIn(request) ? HttpResponse.json(me()) : unauthorized())),
  http.patch(api('/users/me'), async ({ request }) => {
    const body = (await request.json()) as { display_name: string }
    return HttpResponse.json(me({ display_name: body.display_name }))
  }),
  http.post(api('/users/me/email'), async ({ request }) => {
    const body = (await request.json()) as { new_email: string }
    return HttpResponse.json(me({ email: body.new_email, email_verified: false }))
  }),
  http.delete(api('/users/me'), noContent),
  http.get(api('/users/me/addresses'), ({ request }) =>
    signedIn(request) ? HttpResponse.json({ items: addresses, next_cursor: null }) : unauthorized(),
  ),
  http.post(api('/users/me/addresses'), async ({ request }) => {
    const body = (await request.json()) as AddressCreate
    return HttpResponse.json(
      address({ line2: null, region: null, phone: null, is_default: false, ...body, id: 'addr-new' }),
      { status: 201 },
    )
  }),
  http.patch(api('/users/me/addresses/:id'), async ({ params, request }) => {
    const existing = addresses.find((entry) => entry.id === params.id)
    if (!existing) return problem(404, 'Address not found')
    return HttpResponse.json({ ...existing, ...((await request.json()) as object) })
  }),
  http.delete(api('/users/me/addresses/:id'), noContent),
  http.get(api('/users/me/contacts'), ({ request }) =>
    signedIn(request) ? HttpResponse.json({ items: contacts }) : unauthorized(),
  ),
  http.post(api('/users/me/contacts'), async ({ request }) => {
    const body = (await request.json()) as ContactCreate
    return HttpResponse.json({ id: 'ct-new', ...body, created_at: '2025-11-25T12:00:00Z' }, { status: 201 })
  }),
  http.delete(api('/users/me/contacts/:id'), noContent),
  http.get(api('/users/me/social-links'), ({ request }) =>
    signedIn(request) ? HttpResponse.json({ items: socialLinks }) : unauthorized(),
  ),
  http.post(api('/users/me/social-links'), async ({ request }) => {
    const body = (await request.json()) as SocialLinkCreate
    return HttpResponse.json({ id: 'sl-new', ...body, created_at: '2025-11-25T12:00:00Z' }, { status: 201 })
  }),
  http.delete(api('/users/me/social-links/:id'), noContent),
  // Watchlist, saved searches, alerts.
  http.get(api('/users/me/watchlist'), ({ request }) =>
    signedIn(request) ? HttpResponse.json({ items: watchlist, next_cursor: null }) : unauthorized(),
  ),
  http.put(api('/users/me/watchlist/:productId'), noContent),
  http.delete(api('/users/me/watchlist/:productId'), noContent),
  http.get(api('/users/me/saved-searches'), ({ request }) =>
    signedIn(request) ? HttpResponse.json({ items: savedSearches }) : unauthorized(),
  ),
  http.post(api('/users/me/saved-searches'), async ({ request }) => {
    const body = (await request.json()) as SavedSearchCreate
    return HttpResponse.json(
      { id: 'ss-new', ...body, created_at: '2025-11-25T12:00:00Z', new_matches: 0 },
      { status: 201 },
    )
  }),
  http.delete(api('/users/me/saved-searches/:id'), noContent),
  http.get(api('/users/me/alerts'), ({ request }) =>
    signedIn(request) ? HttpResponse.json({ items: userAlerts, next_cursor: null }) : unauthorized(),
  ),
  http.post(api('/users/me/alerts/read'), noContent),
  http.post(api('/users/me/dealer'), async ({ request }) => {
    const body = (await request.json()) as { store_name: string; description?: string; city?: string; country?: string }
    return HttpResponse.json(
      {
        id: 'd1',
        user_id: 'u1',
        store_name: body.store_name,
        description: body.description ?? null,
        city: body.city ?? null,
        country: body.country ?? null,
        created_at: '2025-11-25T12:00:00Z',
      },
      { status: 201 },
    )
  }),
]
