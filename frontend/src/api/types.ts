/** Wire types of the TechMarket HTTP API (`/api/v1`), as the backend sends them. */

export type Category = {
  id: string
  slug: string
  name: string
  parent_id: string | null
  position: number
}

export type CategoryList = { items: Category[] }

export type ImageUrls = {
  /** The picture's uuid: what `DELETE …/images/{image_id}` and the image order name. */
  id: string
  thumbnail_url: string
  card_url: string
  full_url: string
}

export const CONDITIONS = ['new', 'like_new', 'good', 'fair', 'for_parts'] as const
export type Condition = (typeof CONDITIONS)[number]

export type SellerRef = { id: string; store_name: string }

export type CategoryRef = { id: string; slug: string; name: string }

export type ProductSummary = {
  id: string
  title: string
  brand: string
  model: string
  condition: Condition
  /** Integer amount in the currency's minor units (cents for EUR). */
  price: number
  /** ISO 4217 code. */
  currency: string
  image: ImageUrls | null
  seller: SellerRef
  category: CategoryRef
  featured: boolean
  location: string | null
  /** ISO 8601, UTC. */
  created_at: string
}

export type FacetValue = { value: string; label: string; count: number }

/** The values of one choice or boolean spec field of the chosen category, with counts. */
export type SpecFacet = {
  name: string
  label: string
  type: SpecFieldType
  unit: string | null
  values: FacetValue[]
}

export type ProductFacets = {
  brand: FacetValue[]
  condition: FacetValue[]
  category: FacetValue[]
  /** Price bands: `value` like "10000..25000" (minor units, either end open), `label` like "100 – 250". */
  price?: FacetValue[]
  /** Filterable spec fields of the chosen category; empty without a category. */
  specs?: SpecFacet[]
}

export type ProductPage = {
  items: ProductSummary[]
  next_cursor: string | null
  facets: ProductFacets
}

export type ProductList = { items: ProductSummary[] }

export type ProductOption = {
  id: string
  name: string
  price: number
  quantity: number
}

export const PRODUCT_STATUSES = ['active', 'reserved', 'sold_out', 'removed'] as const
export type ProductStatus = (typeof PRODUCT_STATUSES)[number]

export const PRODUCT_VISIBILITIES = ['draft', 'public', 'unlisted', 'private'] as const
export type ProductVisibility = (typeof PRODUCT_VISIBILITIES)[number]

export type SpecValue = string | number | boolean

/** One answered item of the functional checklist ("Screen works": passed). */
export type ChecklistResult = { key: string; label: string; passed: boolean }

/** A spec in the category's schema order, labelled: `{name: "ram_gb", label: "RAM", value: 16, unit: "GB"}`. */
export type Specification = { name: string; label: string; value: SpecValue; unit: string | null }

/** The device named by the listing's serial number or IMEI; the number itself is never sent back. */
export type DeviceInfo = {
  /** "•••••••••••1234" */
  serial_masked: string
  /** How many earlier listings on TechMarket named the same device. */
  history_count: number
}

/** Parcel size for shipping: grams and millimetres. */
export type Shipping = { weight_grams: number; length_mm: number; width_mm: number; height_mm: number }

export type ProductDetail = ProductSummary & {
  description: string
  specs: Record<string, SpecValue>
  options: ProductOption[]
  images: ImageUrls[]
  quantity: number
  status: ProductStatus
  visibility: ProductVisibility
  updated_at: string
  cosmetic_notes: string
  /** Only the items the seller answered, in the category's order. */
  checklist: ChecklistResult[]
  /** The specs in the category's order, with labels and units. */
  specifications: Specification[]
  device: DeviceInfo | null
  shipping: Shipping | null
}

export type ProductOptionCreate = { name: string; price: number; quantity: number }

/** `POST /products`. Amounts in minor units; `serial_number` is write-only (stored hashed). */
export type ProductCreate = {
  title: string
  description?: string
  category_id: string
  brand: string
  model?: string
  condition: Condition
  price: number
  currency: string
  quantity: number
  visibility?: ProductVisibility
  specs?: Record<string, SpecValue>
  options?: ProductOptionCreate[]
  location?: string | null
  cosmetic_notes?: string
  /** Keys are the category's checklist items. */
  checklist?: Record<string, boolean>
  /** IMEI (15 digits) or serial (5–30 of A–Z, 0–9, -). */
  serial_number?: string | null
  shipping?: Shipping | null
}

/** `PATCH /products/{id}`: any of the fields; `options`, when given, replace the listing's options. */
export type ProductUpdate = Partial<ProductCreate>

/** `GET /products/mine`: every listing of the caller's store, drafts and removed ones included. */
export type MyProductPage = { items: ProductDetail[]; next_cursor: string | null }

// ---- Listing form schema (`GET /categories/{slug}/listing-form`) ----

export const SPEC_FIELD_TYPES = ['integer', 'number', 'text', 'choice', 'boolean'] as const
export type SpecFieldType = (typeof SPEC_FIELD_TYPES)[number]

export type SpecField = {
  name: string
  label: string
  type: SpecFieldType
  unit: string | null
  choices: string[] | null
  minimum: number | null
  maximum: number | null
  required: boolean
  filterable: boolean
}

export type ChecklistItem = { key: string; label: string }

export type ListingForm = { category: CategoryRef; fields: SpecField[]; checklist: ChecklistItem[] }

// ---- Discovery: suggestions, compare, related, price guide ----

export type SuggestionKind = 'product' | 'brand' | 'category'

/** `value` is the product id, the brand name or the category slug, by `kind`. */
export type Suggestion = { kind: SuggestionKind; label: string; value: string }

export type SuggestionList = { items: Suggestion[] }

export type CompareRow = {
  name: string
  label: string
  unit: string | null
  /** One per compared listing, in the order of `items`. */
  values: (SpecValue | null)[]
  differs: boolean
}

export type Comparison = { items: ProductSummary[]; rows: CompareRow[] }

export type PriceGuideBasis = 'sales' | 'asking' | 'none'

/** Recent prices of one model in one condition; `low`/`high` are the 10th/90th percentiles. */
export type PriceGuide = {
  brand: string
  model: string
  condition: Condition
  currency: string
  basis: PriceGuideBasis
  sample_size: number
  median: number | null
  low: number | null
  high: number | null
}

export type Promotion = {
  id: string
  title: string
  subtitle: string | null
  starts_at: string
  ends_at: string
  products: ProductSummary[]
}

export type PromotionList = { items: Promotion[] }

export type PopularCategory = { category: CategoryRef; listings: number }

export type PopularCategoryList = { items: PopularCategory[] }

// ---- Watchlist, saved searches, alerts (`/users/me/…`) ----

export type WatchlistEntry = {
  product: ProductSummary
  added_at: string
  /** Minor units, in the product's currency. */
  price_when_added: number
  price_dropped: boolean
  /** The listing's status now (sold out, removed…); sent by the backend beyond the issue-4 contract. */
  status?: ProductStatus
}

export type WatchlistPage = { items: WatchlistEntry[]; next_cursor: string | null }

/** A search as saved: the filters of `GET /products`, `spec` as `name:value` strings. */
export type SavedSearchQuery = {
  q: string | null
  category: string | null
  brand: string[]
  condition: Condition[]
  min_price: number | null
  max_price: number | null
  spec: string[]
}

export type SavedSearch = {
  id: string
  name: string
  query: SavedSearchQuery
  alerts: boolean
  created_at: string
  new_matches: number
}

export type SavedSearchList = { items: SavedSearch[] }

export type SavedSearchCreate = { name: string; query: SavedSearchQuery; alerts: boolean }

export type AlertKind = 'new_match' | 'price_drop'

export type UserAlert = {
  id: string
  kind: AlertKind
  product: ProductSummary
  saved_search_id: string | null
  created_at: string
  read: boolean
}

export type AlertPage = {
  items: UserAlert[]
  next_cursor: string | null
  /** All unread alerts, not only this page's; sent by the backend beyond the issue-4 contract. */
  unread?: number
}

export const PRODUCT_SORTS = ['relevance', 'newest', 'price_asc', 'price_desc'] as const
export type ProductSort = (typeof PRODUCT_SORTS)[number]

/** One invalid input named by a 422 problem (`field` is the JSON name, `in` where it was sent). */
export type ProblemFieldError = { field: string; in?: string; message: string; code?: string }

/** RFC 9457 problem details, the body of every error response. */
export type ProblemDetails = {
  type: string
  title: string
  status: number
  detail?: string
  /** A machine-readable reason, e.g. `stolen-device`. */
  code?: string
  errors?: ProblemFieldError[]
}

// ---- Accounts and sign-in (`/auth`, `/users/me`) ----

export const ROLES = ['buyer', 'seller', 'support_agent', 'moderator', 'admin'] as const
export type Role = (typeof ROLES)[number]

/** The signed-in user, from `GET /users/me`. */
export type Me = {
  id: string
  email: string
  display_name: string
  email_verified: boolean
  roles: Role[]
  mfa_enabled: boolean
  dealer_id: string | null
  /** ISO 8601, UTC. */
  created_at: string
}

export type TokenPair = {
  access_token: string
  /** Also set as the httpOnly `tm_refresh` cookie; the web app never keeps it. */
  refresh_token: string
  token_type: 'bearer'
  /** Seconds the access token is valid for (600). */
  expires_in: number
}

/** `POST /auth/login` answers this instead of tokens when the account has two-step sign-in. */
export type MfaChallenge = { mfa_required: true; mfa_token: string }

export type LoginResponse = TokenPair | MfaChallenge

export type RegisterRequest = { email: string; password: string; display_name: string }

export type LoginRequest = { email: string; password: string }

/** `code` is a 6-digit TOTP or a recovery code such as `abcd-efgh-ijkl`. */
export type MfaLoginRequest = { mfa_token: string; code: string }

export type PasswordStrengthRequest = { password: string; email?: string; display_name?: string }

export type PasswordScore = 0 | 1 | 2 | 3 | 4

export type PasswordStrength = {
  acceptable: boolean
  score: PasswordScore
  reasons: string[]
  suggestions: string[]
}

export type ChangePasswordRequest = { current_password: string; new_password: string; code?: string }

export type ResetPasswordRequest = { token: string; password: string }

export type TotpSetup = { secret: string; otpauth_uri: string }

export type RecoveryCodes = { recovery_codes: string[] }

export type DisableMfaRequest = { code?: string; password?: string }

export type Session = {
  id: string
  user_agent: string | null
  ip_address: string | null
  created_at: string
  last_seen_at: string
  /** The session this browser is using. */
  current: boolean
}

export type SessionList = { items: Session[]; next_cursor: null }

export const ACTIVITY_KINDS = [
  'signed_in',
  'sign_in_failed',
  'password_changed',
  'mfa_enabled',
  'mfa_disabled',
  'email_verified',
  'session_revoked',
  'new_device',
] as const
export type ActivityKind = (typeof ACTIVITY_KINDS)[number]

export type ActivityEvent = {
  id: string
  kind: ActivityKind
  ip_address: string | null
  user_agent: string | null
  created_at: string
}

export type ActivityPage = { items: ActivityEvent[]; next_cursor: string | null }

export type DealerCreate = {
  store_name: string
  description?: string
  city?: string
  /** ISO 3166-1 alpha-2. */
  country?: string
}

export type Dealer = {
  id: string
  user_id: string
  store_name: string
  description: string | null
  city: string | null
  country: string | null
  created_at: string
}

// ---- Address book, contacts and social links (`/users/me/…`) ----

/** A delivery address of the signed-in user; the default one comes first in the list. */
export type Address = {
  id: string
  /** The recipient's name. */
  name: string
  line1: string
  line2: string | null
  city: string
  /** State, province or county, where the country uses one. */
  region: string | null
  postal_code: string
  /** ISO 3166-1 alpha-2. */
  country: string
  phone: string | null
  is_default: boolean
  created_at: string
}

export type AddressList = { items: Address[]; next_cursor: null }

export type AddressCreate = {
  name: string
  line1: string
  line2?: string | null
  city: string
  region?: string | null
  postal_code: string
  country: string
  phone?: string | null
  is_default?: boolean
}

/** `PATCH /users/me/addresses/{id}`: any of the fields; `null` clears an optional one. */
export type AddressUpdate = Partial<AddressCreate>

/** The most addresses one account can keep (`POST` answers 409 beyond). */
export const MAX_ADDRESSES = 20

export const CONTACT_KINDS = ['phone', 'whatsapp', 'signal', 'telegram', 'email'] as const
export type ContactKind = (typeof CONTACT_KINDS)[number]

export type Contact = { id: string; kind: ContactKind; value: string; created_at: string }

export type ContactList = { items: Contact[] }

export type ContactCreate = { kind: ContactKind; value: string }

export const SOCIAL_NETWORKS = [
  'github',
  'gitlab',
  'linkedin',
  'x',
  'mastodon',
  'youtube',
  'instagram',
  'facebook',
] as const
export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number]

export type SocialLink = { id: string; network: SocialNetwork; url: string; created_at: string }

export type SocialLinkList = { items: SocialLink[] }

export type SocialLinkCreate = { network: SocialNetwork; url: string }

/**
 * Proof that it is still the account's owner, for email change and account deletion:
 * `code` (TOTP) when two-step sign-in is on, otherwise `password`.
 */
export type StepUp = { code?: string; password?: string }

export type ChangeEmailRequest = StepUp & { new_email: string }

// ---- Social sign-in (`/auth/oauth`) ----

export type OAuthProviderName = 'google' | 'github'

export type OAuthProvider = { name: OAuthProviderName; label: string }

export type OAuthProviderList = { items: OAuthProvider[] }

// ---- Cart (`/cart`) ----

/** What changed about a cart line since it was added (a line may have several). */
export const LINE_PROBLEMS = ['price_changed', 'not_enough_stock', 'sold_out', 'unavailable'] as const
export type LineProblem = (typeof LINE_PROBLEMS)[number]

/**
 * One line of the cart, as the buyer sees it now. When the listing (or its option) is gone,
 * `title`, `option_name`, `seller` and `thumbnail_url` are null and the price is the one it was added at.
 */
export type CartLine = {
  id: string
  product_id: string
  option_id: string | null
  title: string | null
  option_name: string | null
  seller: SellerRef | null
  quantity: number
  /** The listing's price now, minor units. */
  unit_price: number
  currency: string
  /** The reference price: what the buyer saw when adding the line (or last accepted). */
  price_when_added: number
  /** Units on sale now. */
  available: number
  thumbnail_url: string | null
  line_total: number
  problems: LineProblem[]
  /** Set when the line comes from an accepted offer: the agreed price, quantity fixed at 1. */
  offer_id?: string | null
}

export type Money = { currency: string; amount: number }

export type Cart = {
  items: CartLine[]
  /** One per currency, of the lines that can be bought as they stand. */
  subtotals: Money[]
  /** Units in all lines (the header badge). */
  count: number
}

export type CartItemCreate = { product_id: string; option_id?: string | null; quantity: number }

export const MERGE_REASONS = ['capped', 'unavailable', 'sold_out', 'own_listing', 'cart_full'] as const
export type MergeReason = (typeof MERGE_REASONS)[number]

/** An item of a signed-out cart the merge could not take as it was. */
export type MergeNote = { product_id: string; option_id: string | null; reason: MergeReason; kept: number }

export type MergeResult = { cart: Cart; skipped: MergeNote[] }

// ---- Checkout and orders ----

/** A delivery address sent with a checkout (saved ones go by `address_id`). */
export type ShippingAddress = {
  name: string
  line1: string
  line2?: string | null
  city: string
  region?: string | null
  postal_code: string
  /** ISO 3166-1 alpha-2. */
  country: string
  phone?: string | null
}

/** Where the order goes: a saved address or one typed at checkout. */
export type Destination = { address_id: string } | { shipping_address: ShippingAddress }

export const SHIPPING_SERVICES = ['standard', 'express'] as const
export type ShippingService = (typeof SHIPPING_SERVICES)[number]

/** The chosen service level per seller id; a seller left out ships standard. */
export type ShippingServices = Record<string, ShippingService>

/** One way a seller can send the parcel, priced for this cart and address. */
export type ShippingOption = {
  service: ShippingService
  /** Minor units; includes the insurance when `insured`. */
  amount: number
  /** [min, max] days. */
  estimated_days: number[]
  /** ISO date (YYYY-MM-DD): the latest expected day. */
  estimated_delivery: string
  insured: boolean
}

export type QuoteRequest = Destination & { currency?: string; shipping_services?: ShippingServices }

export type QuoteLine = {
  product_id: string
  option_id: string | null
  title: string
  option_name: string | null
  quantity: number
  unit_price: number
  line_total: number
}

export type SellerQuote = {
  seller_id: string
  store_name: string
  items: QuoteLine[]
  items_total: number
  shipping: number
  /** "domestic", "eea", "international"… */
  shipping_zone: string
  /** [min, max] days. */
  estimated_days: number[]
  total: number
  /** The service levels this seller can send with, each priced for this parcel and address. */
  shipping_options?: ShippingOption[]
  /** The chosen one (`shipping` is its amount). */
  shipping_service?: ShippingService
}

export type Quote = {
  currency: string
  sellers: SellerQuote[]
  items_total: number
  shipping_total: number
  total: number
  /** The cart's other currencies, checked out separately. */
  other_currencies: string[]
}

export type OrderCreate = Destination & {
  payment_method_id: string
  currency?: string
  shipping_services?: ShippingServices
  /** A path of the web app the processor sends the buyer back to after 3-D Secure. */
  return_url?: string
}

export const CHECKOUT_STATUSES = ['pending_payment', 'paid', 'failed', 'expired'] as const
export type CheckoutStatus = (typeof CHECKOUT_STATUSES)[number]

export type Checkout = {
  id: string
  status: CheckoutStatus
  currency: string
  total: number
  /** 3-D Secure: the processor's page the browser must go to. */
  next_action: { type: 'redirect'; url: string } | null
  reservation_expires_at: string
}

export const ORDER_STATUSES = [
  'pending_payment',
  'paid',
  'shipped',
  'delivered',
  'completed',
  'cancelled',
  'refunded',
  'disputed',
] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

export type OrderItem = {
  product_id: string
  option_id: string | null
  title: string
  option_name: string | null
  quantity: number
  unit_price: number
}

export type OrderEvent = { status: OrderStatus; note: string; at: string }

export type Order = {
  id: string
  checkout_id: string
  status: OrderStatus
  seller: SellerRef
  currency: string
  items: OrderItem[]
  items_total: number
  shipping_total: number
  total: number
  refunded_total: number
  shipping_address: ShippingAddress
  timeline: OrderEvent[]
  created_at: string
  paid_at: string | null
  shipped_at: string | null
  delivered_at: string | null
  inspection_ends_at: string | null
  completed_at: string | null
  cancelled_at: string | null
  /** The service level the buyer chose at checkout. */
  shipping_service?: ShippingService | null
  /** The parcel, once the seller shipped it. */
  shipment?: Shipment | null
}

/** `POST /orders` and `GET /checkouts/{id}`: one checkout (one payment), one order per seller. */
export type PlacedOrders = { checkout: Checkout; orders: Order[] }

export type OrderPage = { items: Order[]; next_cursor: string | null }

/** An order as its seller sees it: with the platform's fee and what the seller gets. */
export type Sale = Order & { platform_fee: number; seller_receives: number }

export type SalePage = { items: Sale[]; next_cursor: string | null }

// ---- Shipping and tracking ----

export const CARRIERS = ['ups', 'usps', 'fedex', 'dhl', 'royal_mail', 'other'] as const
export type Carrier = (typeof CARRIERS)[number]

/**
 * `POST /sales/{id}/ship`: `{}` or `{ service }` buys a label from the sandbox carrier;
 * `{ carrier, tracking_number }` records a parcel sent with another carrier.
 */
export type ShipmentCreate = { service?: ShippingService } | { carrier: Carrier; tracking_number: string }

export const TRACKING_STATUSES = [
  'label_created',
  'picked_up',
  'in_transit',
  'out_for_delivery',
  'delivered',
  'delivery_exception',
  'returned_to_sender',
] as const
export type TrackingStatus = (typeof TRACKING_STATUSES)[number]

export type Shipment = {
  id: string
  /** "sandbox" for a bought label, else the carrier the seller named. */
  carrier: string
  service: ShippingService | null
  tracking_number: string
  tracking_url: string | null
  /** Where the label file is (`GET /sales/{id}/label`); null when the seller shipped with another carrier. */
  label_url: string | null
  status: TrackingStatus
  estimated_delivery: string | null
}

export type TrackingEvent = {
  status: TrackingStatus
  description: string
  location: string | null
  occurred_at: string
}

/** `GET /orders/{id}/tracking` and each `tracking` event of its stream: the whole state. */
export type Tracking = {
  order_id: string
  carrier: string
  service: ShippingService | null
  tracking_number: string
  tracking_url: string | null
  status: TrackingStatus
  estimated_delivery: string | null
  /** Oldest first. */
  events: TrackingEvent[]
}

// ---- Disputes ----

export const DISPUTE_REASONS = ['not_received', 'not_as_described'] as const
export type DisputeReason = (typeof DISPUTE_REASONS)[number]

export type DisputeStatus = 'open' | 'answered' | 'decided'

export type DisputeDecision = 'refund' | 'partial_refund' | 'release'

export type Dispute = {
  id: string
  order_id: string
  reason: DisputeReason
  status: DisputeStatus
  buyer_statement: string
  seller_answer: string | null
  decision: DisputeDecision | null
  refund_amount: number | null
  decision_note: string | null
  photos: { thumbnail_url: string; full_url: string }[]
  opened_at: string
  answered_at: string | null
  decided_at: string | null
}

export type DisputePage = { items: Dispute[]; next_cursor: string | null }

export type DisputeCreate = { reason: DisputeReason; statement: string }

// ---- Payments ----

/** A card as typed: posted by the browser straight to the processor, never to `/api/v1`. */
export type CardDetails = { number: string; exp_month: number; exp_year: number; cvc: string }

/** The processor's answer to a card: a token to hand to TechMarket, never the number. */
export type CardToken = { token: string; brand: string; last4: string; exp_month: number; exp_year: number }

export type PaymentMethod = {
  id: string
  provider: string
  brand: string
  last4: string
  exp_month: number
  exp_year: number
  created_at: string
}

export type PaymentMethodList = { items: PaymentMethod[] }

export type PayoutBalance = { currency: string; available: number; pending: number; paid_out: number }

export type Payout = { id: string; amount: number; currency: string; status: string; created_at: string }

export type PayoutAccount = { provider: string; account_ref: string }

export type PayoutSummary = { balances: PayoutBalance[]; items: Payout[]; account: PayoutAccount | null }

// ---- Offers ----

export const OFFER_STATUSES = ['pending', 'countered', 'accepted', 'declined', 'expired', 'withdrawn'] as const
export type OfferStatus = (typeof OFFER_STATUSES)[number]

export type OfferRole = 'buyer' | 'seller'

export type Offer = {
  id: string
  product_id: string
  option_id: string | null
  title?: string | null
  buyer_id: string
  /** The seller's store (dealer) id. */
  seller_id: string
  currency: string
  /** The listed price when the offer was made. */
  listed_price: number
  /** What the buyer offered. */
  amount: number
  counter_amount: number | null
  status: OfferStatus
  created_at: string
  updated_at: string
  expires_at: string
}

export type OfferPage = { items: Offer[]; next_cursor: string | null }

export type OfferCreate = { amount: number; option_id?: string | null }

// ---- Notifications ----

export const NOTIFICATION_KINDS = [
  'order_placed',
  'order_paid',
  'order_shipped',
  'out_for_delivery',
  'delivered',
  'delivery_problem',
  'review_request',
  'offer_received',
  'offer_answered',
  'dispute_opened',
  'dispute_decided',
  'payout_sent',
  'saved_search_match',
  'price_drop',
  'password_reset',
  'new_sign_in',
] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

export const NOTIFICATION_CHANNELS = ['in_app', 'email'] as const
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number]

export type AppNotification = {
  id: string
  kind: NotificationKind
  title: string
  body: string
  /** A path of the web app, such as `/orders/{id}/tracking`. */
  link: string | null
  created_at: string
  read_at: string | null
  read: boolean
}

/** Newest first, with the unread count for the badge. */
export type NotificationPage = { items: AppNotification[]; next_cursor: string | null; unread: number }

export type UnreadCount = { unread: number }

export type ReadAll = { marked: number; unread: number }

export type NotificationPreference = {
  kind: NotificationKind
  channel: NotificationChannel
  enabled: boolean
  /** Security messages: always on. */
  locked: boolean
  locked_reason?: string | null
}

export type NotificationPreferenceList = { items: NotificationPreference[] }

export type NotificationPreferenceChange = { kind: NotificationKind; channel: NotificationChannel; enabled: boolean }

/** The `notification` event of `GET /notifications/stream`. */
export type LiveNotification = { notification: AppNotification; unread: number }
