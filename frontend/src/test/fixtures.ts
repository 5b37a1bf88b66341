import type {
  ActivityPage,
  Address,
  Cart,
  CartLine,
  Dispute,
  Offer,
  Order,
  PaymentMethod,
  PayoutSummary,
  PlacedOrders,
  Quote,
  Sale,
  Category,
  Comparison,
  Contact,
  ImageUrls,
  ListingForm,
  Me,
  PopularCategory,
  PriceGuide,
  ProductDetail,
  ProductPage,
  ProductSummary,
  Promotion,
  SavedSearch,
  Session,
  SocialLink,
  Suggestion,
  TokenPair,
  UserAlert,
  WatchlistEntry,
} from '../api/types'
import type {
  AppNotification,
  NotificationPreference,
  SellerQuote,
  ShippingOption,
  ShippingServices,
  Tracking,
  TrackingEvent,
} from '../api/types'
import type { RootState } from '../app/store'
import { initialAuthState } from '../features/auth/authSlice'

/** Sample catalogue data in the API's wire format, shared by the tests. */

export const categories: Category[] = [
  // Deliberately out of order: the UI must sort by `position`.
  { id: 'c-laptops', slug: 'laptops', name: 'Laptops', parent_id: null, position: 2 },
  { id: 'c-phones', slug: 'phones', name: 'Phones', parent_id: null, position: 1 },
  { id: 'c-android', slug: 'android-phones', name: 'Android phones', parent_id: 'c-phones', position: 2 },
  { id: 'c-iphones', slug: 'iphones', name: 'iPhones', parent_id: 'c-phones', position: 1 },
  { id: 'c-gaming', slug: 'gaming-laptops', name: 'Gaming laptops', parent_id: 'c-laptops', position: 1 },
]

export function productSummary(overrides: Partial<ProductSummary> = {}): ProductSummary {
  return {
    id: '0b7c4f7e-7a8e-4c52-9d2c-1f0e6c1d0a11',
    title: 'iPhone 15 Pro 256 GB',
    brand: 'Apple',
    model: 'iPhone 15 Pro',
    condition: 'like_new',
    price: 129900,
    currency: 'EUR',
    image: {
      id: 'img-a',
      thumbnail_url: '/media/products/p1/a-thumb.webp',
      card_url: '/media/products/p1/a-card.webp',
      full_url: '/media/products/p1/a-full.webp',
    },
    seller: { id: 's1', store_name: 'Nordic Phones' },
    category: { id: 'c-iphones', slug: 'iphones', name: 'iPhones' },
    featured: true,
    location: 'Berlin, DE',
    created_at: '2025-11-20T09:30:00Z',
    ...overrides,
  }
}

export const featuredProducts: ProductSummary[] = [
  productSummary(),
  productSummary({
    id: '5d1c2b7a-2f0e-4b8f-8a36-0c9b1c2d3e44',
    title: 'ThinkPad X1 Carbon Gen 11',
    brand: 'Lenovo',
    model: 'X1 Carbon Gen 11',
    condition: 'good',
    price: 89000,
    seller: { id: 's2', store_name: 'Laptop Corner' },
    category: { id: 'c-laptops', slug: 'laptops', name: 'Laptops' },
  }),
]

export const newestPage: ProductPage = {
  items: [
    productSummary({
      id: '9a8b7c6d-0000-4000-8000-000000000001',
      title: 'Pixel 8 128 GB',
      brand: 'Google',
      model: 'Pixel 8',
      condition: 'fair',
      price: 39900,
      featured: false,
      image: null,
    }),
  ],
  next_cursor: null,
  facets: { brand: [], condition: [], category: [] },
}

export const productDetail: ProductDetail = {
  ...productSummary(),
  description: 'Bought in March, always in a case.\nBattery health 96%.',
  specs: { storage_gb: 256, colour: 'Natural titanium', dual_sim: true, screen_size_in: 6.1 },
  options: [
    { id: 'o1', name: '256 GB, Natural titanium', price: 129900, quantity: 2 },
    { id: 'o2', name: '512 GB, Black titanium', price: 149900, quantity: 0 },
  ],
  images: [
    {
      id: 'img-a',
      thumbnail_url: '/media/products/p1/a-thumb.webp',
      card_url: '/media/products/p1/a-card.webp',
      full_url: '/media/products/p1/a-full.webp',
    },
    {
      id: 'img-b',
      thumbnail_url: '/media/products/p1/b-thumb.webp',
      card_url: '/media/products/p1/b-card.webp',
      full_url: '/media/products/p1/b-full.webp',
    },
  ],
  quantity: 2,
  status: 'active',
  visibility: 'public',
  updated_at: '2025-11-21T10:00:00Z',
  cosmetic_notes: 'A light scratch on the frame, invisible in a case.',
  checklist: [
    { key: 'screen_ok', label: 'Screen works, no dead pixels', passed: true },
    { key: 'battery_ok', label: 'Battery holds a charge', passed: true },
    { key: 'face_id_ok', label: 'Face ID works', passed: false },
  ],
  specifications: [
    { name: 'storage_gb', label: 'Storage', value: 256, unit: 'GB' },
    { name: 'colour', label: 'Colour', value: 'Natural titanium', unit: null },
    { name: 'dual_sim', label: 'Dual SIM', value: true, unit: null },
    { name: 'screen_size_in', label: 'Screen size', value: 6.1, unit: 'in' },
  ],
  device: { serial_masked: '•••••••••••1234', history_count: 2 },
  shipping: { weight_grams: 450, length_mm: 160, width_mm: 80, height_mm: 20 },
}

/** A full listing from a summary, for the seller's list and the handlers' answers. */
export function detailOf(summary: ProductSummary, overrides: Partial<ProductDetail> = {}): ProductDetail {
  return {
    ...summary,
    description: '',
    specs: {},
    options: [],
    images: summary.image ? [summary.image] : [],
    quantity: 1,
    status: 'active',
    visibility: 'public',
    updated_at: summary.created_at,
    cosmetic_notes: '',
    checklist: [],
    specifications: [],
    device: null,
    shipping: null,
    ...overrides,
  }
}

export function imageUrls(id: string): ImageUrls {
  return {
    id,
    thumbnail_url: `/media/products/x/${id}-thumb.webp`,
    card_url: `/media/products/x/${id}-card.webp`,
    full_url: `/media/products/x/${id}-full.webp`,
  }
}

// ---- Selling ----

/** The form of the Android phones category: every kind of spec field, and a checklist. */
export const androidListingForm: ListingForm = {
  category: { id: 'c-android', slug: 'android-phones', name: 'Android phones' },
  fields: [
    { name: 'storage_gb', label: 'Storage', type: 'integer', unit: 'GB', choices: null, minimum: 8, maximum: 2048, required: true, filterable: true },
    { name: 'ram_gb', label: 'RAM', type: 'integer', unit: 'GB', choices: null, minimum: 1, maximum: 64, required: false, filterable: true },
    { name: 'screen_size_in', label: 'Screen size', type: 'number', unit: 'in', choices: null, minimum: 3, maximum: 10, required: false, filterable: false },
    { name: 'carrier_lock', label: 'Carrier lock', type: 'choice', unit: null, choices: ['unlocked', 'locked'], minimum: null, maximum: null, required: true, filterable: true },
    { name: '5g', label: '5G', type: 'boolean', unit: null, choices: null, minimum: null, maximum: null, required: false, filterable: true },
    { name: 'colour', label: 'Colour', type: 'text', unit: null, choices: null, minimum: null, maximum: null, required: false, filterable: false },
  ],
  checklist: [
    { key: 'screen_ok', label: 'Screen works, no dead pixels' },
    { key: 'battery_ok', label: 'Battery holds a charge' },
    { key: 'cameras_ok', label: 'Cameras work' },
  ],
}

/** The caller's store: an active listing, a draft and a removed one. */
export const myListings: ProductDetail[] = [
  detailOf(productSummary({ id: 'mine-1', title: 'Galaxy S23 128 GB', brand: 'Samsung', model: 'Galaxy S23', price: 54900 }), {
    quantity: 3,
    category: { id: 'c-android', slug: 'android-phones', name: 'Android phones' },
    specs: { storage_gb: 128, ram_gb: 8, carrier_lock: 'unlocked', '5g': true },
    checklist: [
      { key: 'screen_ok', label: 'Screen works, no dead pixels', passed: true },
      { key: 'battery_ok', label: 'Battery holds a charge', passed: false },
    ],
    images: [imageUrls('img-1'), imageUrls('img-2'), imageUrls('img-3')],
    device: { serial_masked: '•••••••••••9876', history_count: 0 },
    shipping: { weight_grams: 400, length_mm: 150, width_mm: 75, height_mm: 15 },
    options: [{ id: 'o-1', name: 'With charger', price: 57900, quantity: 1 }],
  }),
  detailOf(productSummary({ id: 'mine-2', title: 'Pixel 7 draft', brand: 'Google', model: 'Pixel 7', price: 29900, image: null }), {
    visibility: 'draft',
    quantity: 1,
    category: { id: 'c-android', slug: 'android-phones', name: 'Android phones' },
  }),
  detailOf(productSummary({ id: 'mine-3', title: 'Old ThinkPad T480', brand: 'Lenovo', model: 'T480', price: 19900, condition: 'fair' }), {
    status: 'removed',
    quantity: 0,
    category: { id: 'c-laptops', slug: 'laptops', name: 'Laptops' },
  }),
]

export const priceGuide: PriceGuide = {
  brand: 'Samsung',
  model: 'Galaxy S23',
  condition: 'good',
  currency: 'EUR',
  basis: 'sales',
  sample_size: 14,
  median: 52000,
  low: 45000,
  high: 61000,
}

// ---- Discovery ----

export const suggestions: Suggestion[] = [
  { kind: 'product', label: 'iPhone 15 Pro 256 GB', value: productDetail.id },
  { kind: 'brand', label: 'Apple', value: 'Apple' },
  { kind: 'category', label: 'iPhones', value: 'iphones' },
]

export const relatedProducts: ProductSummary[] = [
  productSummary({ id: 'rel-1', title: 'iPhone 15 128 GB', model: 'iPhone 15', price: 89900, featured: false }),
  productSummary({ id: 'rel-2', title: 'iPhone 14 Pro 256 GB', model: 'iPhone 14 Pro', price: 99900, featured: false }),
]

export const compareItems: ProductSummary[] = [
  productSummary(),
  productSummary({
    id: 'cmp-2',
    title: 'Galaxy S24 256 GB',
    brand: 'Samsung',
    model: 'Galaxy S24',
    price: 79900,
    category: { id: 'c-android', slug: 'android-phones', name: 'Android phones' },
  }),
  productSummary({ id: 'cmp-3', title: 'Pixel 8 256 GB', brand: 'Google', model: 'Pixel 8', price: 59900, image: null }),
]

/** What `GET /products/compare` answers for `ids` (known ones, in the order asked). */
export function comparisonOf(ids: readonly string[]): Comparison {
  const items = ids
    .map((id) => compareItems.find((item) => item.id === id))
    .filter((item): item is ProductSummary => item !== undefined)
  const column = (id: string) => compareItems.findIndex((item) => item.id === id)
  const table: { name: string; label: string; unit: string | null; byItem: (string | number | boolean | null)[] }[] = [
    { name: 'storage_gb', label: 'Storage', unit: 'GB', byItem: [256, 256, 256] },
    { name: 'ram_gb', label: 'RAM', unit: 'GB', byItem: [8, 8, 12] },
    { name: 'dual_sim', label: 'Dual SIM', unit: null, byItem: [true, true, null] },
  ]
  return {
    items,
    rows: table.map((row) => {
      const values = items.map((item) => row.byItem[column(item.id)] ?? null)
      return {
        name: row.name,
        label: row.label,
        unit: row.unit,
        values,
        differs: new Set(values.map((value) => JSON.stringify(value))).size > 1,
      }
    }),
  }
}

export const promotions: Promotion[] = [
  {
    id: 'promo-1',
    title: 'Back to school',
    subtitle: 'Laptops checked by our sellers, under €600.',
    starts_at: '2025-11-01T00:00:00Z',
    ends_at: '2025-12-01T00:00:00Z',
    products: [featuredProducts[1] ?? productSummary()],
  },
]

export const popularCategories: PopularCategory[] = [
  { category: { id: 'c-phones', slug: 'phones', name: 'Phones' }, listings: 1240 },
  { category: { id: 'c-laptops', slug: 'laptops', name: 'Laptops' }, listings: 310 },
]

// ---- Watchlist, saved searches, alerts ----

export const watchlist: WatchlistEntry[] = [
  { product: productSummary(), added_at: '2025-11-20T10:00:00Z', price_when_added: 139900, price_dropped: true, status: 'active' },
  {
    product: featuredProducts[1] ?? productSummary(),
    added_at: '2025-11-22T10:00:00Z',
    price_when_added: 89000,
    price_dropped: false,
    status: 'sold_out',
  },
]

export const savedSearches: SavedSearch[] = [
  {
    id: 'ss-1',
    name: 'Unlocked Android phones',
    query: {
      q: null,
      category: 'android-phones',
      brand: ['Samsung'],
      condition: ['good'],
      min_price: null,
      max_price: 50000,
      spec: ['carrier_lock:unlocked'],
    },
    alerts: true,
    created_at: '2025-11-18T10:00:00Z',
    new_matches: 3,
  },
]

export const userAlerts: UserAlert[] = [
  {
    id: 'al-1',
    kind: 'price_drop',
    product: productSummary(),
    saved_search_id: null,
    created_at: '2025-11-24T10:00:00Z',
    read: false,
  },
  {
    id: 'al-2',
    kind: 'new_match',
    product: productSummary({ id: 'p-new', title: 'Galaxy S22 128 GB', brand: 'Samsung' }),
    saved_search_id: 'ss-1',
    created_at: '2025-11-23T10:00:00Z',
    read: true,
  },
]

// ---- Accounts ----

export function me(overrides: Partial<Me> = {}): Me {
  return {
    id: 'u1',
    email: 'ada@example.com',
    display_name: 'Ada Lovelace',
    email_verified: true,
    roles: ['buyer'],
    mfa_enabled: false,
    dealer_id: null,
    created_at: '2025-10-01T08:00:00Z',
    ...overrides,
  }
}

export function tokenPair(accessToken = 'access-1'): TokenPair {
  return { access_token: accessToken, refresh_token: 'refresh-in-cookie', token_type: 'bearer', expires_in: 600 }
}

/** Store state of a signed-in browser, for `preloadedState`. */
export function signedInState(accessToken = 'access-1'): Partial<RootState> {
  return {
    auth: { ...initialAuthState, accessToken, expiresAt: Date.now() + 600_000, sessionChecked: true },
  }
}

/** Store state after the start-up check found no session. */
export function signedOutState(): Partial<RootState> {
  return { auth: { ...initialAuthState, sessionChecked: true } }
}

export const sessions: Session[] = [
  {
    id: 's-other',
    user_agent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) ' +
      'Version/18.1 Mobile/15E148 Safari/604.1',
    ip_address: '198.51.100.7',
    created_at: '2025-11-01T10:00:00Z',
    last_seen_at: '2025-11-20T18:30:00Z',
    current: false,
  },
  {
    id: 's-current',
    user_agent: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
    ip_address: '203.0.113.5',
    created_at: '2025-11-24T09:00:00Z',
    last_seen_at: '2025-11-25T12:00:00Z',
    current: true,
  },
]

export const activityPage: ActivityPage = {
  items: [
    {
      id: 'a2',
      kind: 'signed_in',
      ip_address: '203.0.113.5',
      user_agent: sessions[1]?.user_agent ?? null,
      created_at: '2025-11-24T09:00:00Z',
    },
    {
      id: 'a1',
      kind: 'sign_in_failed',
      ip_address: '192.0.2.44',
      user_agent: null,
      created_at: '2025-11-23T22:10:00Z',
    },
  ],
  next_cursor: null,
}

// ---- Address book, contacts, social links ----

export function address(overrides: Partial<Address> = {}): Address {
  return {
    id: 'addr-home',
    name: 'Ada Lovelace',
    line1: '12 Analytical Street',
    line2: null,
    city: 'Berlin',
    region: null,
    postal_code: '10115',
    country: 'DE',
    phone: '+49 30 1234567',
    is_default: true,
    created_at: '2025-10-02T08:00:00Z',
    ...overrides,
  }
}

/** Two addresses, the default first (as the server lists them). */
export const addresses: Address[] = [
  address(),
  address({
    id: 'addr-office',
    name: 'Ada Lovelace',
    line1: '1 Engine Yard',
    line2: 'Floor 3',
    city: 'London',
    region: 'Greater London',
    postal_code: 'EC1A 1BB',
    country: 'GB',
    phone: null,
    is_default: false,
    created_at: '2025-10-05T08:00:00Z',
  }),
]

export const contacts: Contact[] = [
  { id: 'ct-phone', kind: 'phone', value: '+49 30 1234567', created_at: '2025-10-02T08:00:00Z' },
]

export const socialLinks: SocialLink[] = [
  { id: 'sl-github', network: 'github', url: 'https://github.com/ada', created_at: '2025-10-02T08:00:00Z' },
]

// ---- Cart ----

/** A cart line; by default one unit of the product page's listing, first option. */
export function cartLine(overrides: Partial<CartLine> = {}): CartLine {
  const line: CartLine = {
    id: 'line-1',
    product_id: productDetail.id,
    option_id: 'o1',
    title: productDetail.title,
    option_name: '256 GB, Natural titanium',
    seller: { id: 's1', store_name: 'Nordic Phones' },
    quantity: 1,
    unit_price: 129900,
    currency: 'EUR',
    price_when_added: 129900,
    available: 2,
    thumbnail_url: '/media/products/p1/a-thumb.webp',
    line_total: 129900,
    problems: [],
    offer_id: null,
    ...overrides,
  }
  return { ...line, line_total: overrides.line_total ?? line.unit_price * line.quantity }
}

/** Two sellers, one line each, both in euros. */
export const cartLines: CartLine[] = [
  cartLine(),
  cartLine({
    id: 'line-2',
    product_id: '5d1c2b7a-2f0e-4b8f-8a36-0c9b1c2d3e44',
    option_id: null,
    title: 'ThinkPad X1 Carbon Gen 11',
    option_name: null,
    seller: { id: 's2', store_name: 'Laptop Corner' },
    unit_price: 89000,
    price_when_added: 89000,
    available: 1,
    thumbnail_url: null,
  }),
]

/** The cart the server answers for these lines: subtotals leave out lines that can't be bought as they stand. */
export function cartOf(lines: CartLine[]): Cart {
  const blocking = new Set(['not_enough_stock', 'sold_out', 'unavailable'])
  const sums = new Map<string, number>()
  for (const line of lines) {
    if (line.problems.some((problem) => blocking.has(problem))) continue
    sums.set(line.currency, (sums.get(line.currency) ?? 0) + line.line_total)
  }
  return {
    items: lines,
    subtotals: [...sums.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => ({ currency, amount })),
    count: lines.reduce((sum, line) => sum + line.quantity, 0),
  }
}

// ---- Checkout and orders ----

/** The service levels of each seller of the cart: standard and express, priced for the test address. */
export const shippingOptions: Record<string, ShippingOption[]> = {
  s1: [
    { service: 'standard', amount: 490, estimated_days: [1, 3], estimated_delivery: '2025-11-28', insured: true },
    { service: 'express', amount: 1290, estimated_days: [1, 1], estimated_delivery: '2025-11-26', insured: true },
  ],
  s2: [
    { service: 'standard', amount: 990, estimated_days: [2, 5], estimated_delivery: '2025-11-30', insured: false },
    { service: 'express', amount: 2490, estimated_days: [1, 2], estimated_delivery: '2025-11-27', insured: false },
  ],
}

const quotedSellers: Omit<SellerQuote, 'shipping' | 'estimated_days' | 'total' | 'shipping_options' | 'shipping_service'>[] = [
  {
    seller_id: 's1',
    store_name: 'Nordic Phones',
    items: [
      { product_id: productDetail.id, option_id: 'o1', title: productDetail.title, option_name: '256 GB, Natural titanium', quantity: 1, unit_price: 129900, line_total: 129900 },
    ],
    items_total: 129900,
    shipping_zone: 'domestic',
  },
  {
    seller_id: 's2',
    store_name: 'Laptop Corner',
    items: [
      { product_id: '5d1c2b7a-2f0e-4b8f-8a36-0c9b1c2d3e44', option_id: null, title: 'ThinkPad X1 Carbon Gen 11', option_name: null, quantity: 1, unit_price: 89000, line_total: 89000 },
    ],
    items_total: 89000,
    shipping_zone: 'eea',
  },
]

/** The quote of the test cart with these service levels (standard where none is chosen). */
export function quoteFor(services: ShippingServices = {}): Quote {
  const sellers: SellerQuote[] = quotedSellers.map((seller) => {
    const options = shippingOptions[seller.seller_id] ?? []
    const chosen = options.find((option) => option.service === (services[seller.seller_id] ?? 'standard')) ?? options[0]!
    return {
      ...seller,
      shipping: chosen.amount,
      estimated_days: chosen.estimated_days,
      total: seller.items_total + chosen.amount,
      shipping_options: options,
      shipping_service: chosen.service,
    }
  })
  const sum = (pick: (seller: SellerQuote) => number) => sellers.reduce((total, seller) => total + pick(seller), 0)
  return {
    currency: 'EUR',
    sellers,
    items_total: sum((seller) => seller.items_total),
    shipping_total: sum((seller) => seller.shipping),
    total: sum((seller) => seller.total),
    other_currencies: [],
  }
}

export const quote: Quote = quoteFor()

export const shippingAddress = {
  name: 'Ada Lovelace',
  line1: '12 Analytical Street',
  line2: null,
  city: 'Berlin',
  region: null,
  postal_code: '10115',
  country: 'DE',
  phone: '+49 30 1234567',
}

export function order(overrides: Partial<Order> = {}): Order {
  return {
    id: 'ord-1',
    checkout_id: 'chk-1',
    status: 'paid',
    seller: { id: 's1', store_name: 'Nordic Phones' },
    currency: 'EUR',
    items: [
      { product_id: productDetail.id, option_id: 'o1', title: productDetail.title, option_name: '256 GB, Natural titanium', quantity: 1, unit_price: 129900 },
    ],
    items_total: 129900,
    shipping_total: 490,
    total: 130390,
    refunded_total: 0,
    shipping_address: shippingAddress,
    timeline: [
      { status: 'pending_payment', note: 'Order placed', at: '2025-11-25T10:00:00Z' },
      { status: 'paid', note: 'Payment received', at: '2025-11-25T10:00:05Z' },
    ],
    created_at: '2025-11-25T10:00:00Z',
    paid_at: '2025-11-25T10:00:05Z',
    shipped_at: null,
    delivered_at: null,
    inspection_ends_at: null,
    completed_at: null,
    cancelled_at: null,
    ...overrides,
  }
}

export const orders: Order[] = [
  order(),
  order({
    id: 'ord-2',
    status: 'shipped',
    seller: { id: 's2', store_name: 'Laptop Corner' },
    items: [{ product_id: '5d1c2b7a-2f0e-4b8f-8a36-0c9b1c2d3e44', option_id: null, title: 'ThinkPad X1 Carbon Gen 11', option_name: null, quantity: 1, unit_price: 89000 }],
    items_total: 89000,
    shipping_total: 990,
    total: 89990,
    shipped_at: '2025-11-26T09:00:00Z',
    timeline: [
      { status: 'paid', note: 'Payment received', at: '2025-11-25T10:00:05Z' },
      { status: 'shipped', note: 'DHL 00340434161094042557', at: '2025-11-26T09:00:00Z' },
    ],
  }),
]

export function checkoutOf(status: PlacedOrders['checkout']['status'] = 'paid', overrides: Partial<PlacedOrders['checkout']> = {}): PlacedOrders {
  return {
    checkout: {
      id: 'chk-1',
      status,
      currency: 'EUR',
      total: 220380,
      next_action: null,
      reservation_expires_at: '2025-11-25T10:15:00Z',
      ...overrides,
    },
    orders: status === 'failed' || status === 'expired' ? [] : orders.map((entry) => ({ ...entry, status: status === 'paid' ? 'paid' : 'pending_payment' })),
  }
}

export function sale(overrides: Partial<Sale> = {}): Sale {
  return {
    ...order({ seller: { id: 'd1', store_name: 'Ada’s Phones' } }),
    id: 'sale-1',
    platform_fee: 12990,
    seller_receives: 117400,
    ...overrides,
  }
}

export const sales: Sale[] = [
  sale(),
  sale({ id: 'sale-2', status: 'shipped', shipped_at: '2025-11-26T09:00:00Z', shipping_address: { ...shippingAddress, name: 'Grace Hopper' } }),
]

export function dispute(overrides: Partial<Dispute> = {}): Dispute {
  return {
    id: 'dsp-1',
    order_id: 'ord-2',
    reason: 'not_as_described',
    status: 'open',
    buyer_statement: 'The keyboard is missing two keys.',
    seller_answer: null,
    decision: null,
    refund_amount: null,
    decision_note: null,
    photos: [],
    opened_at: '2025-11-27T09:00:00Z',
    answered_at: null,
    decided_at: null,
    ...overrides,
  }
}

// ---- Payments ----

export const paymentMethods: PaymentMethod[] = [
  { id: 'pm-visa', provider: 'sandbox', brand: 'visa', last4: '4242', exp_month: 12, exp_year: 2030, created_at: '2025-11-01T10:00:00Z' },
]

export const payoutSummary: PayoutSummary = {
  balances: [
    { currency: 'EUR', available: 117400, pending: 80100, paid_out: 50000 },
    { currency: 'GBP', available: 0, pending: 12000, paid_out: 0 },
  ],
  items: [{ id: 'po-1', amount: 50000, currency: 'EUR', status: 'paid', created_at: '2025-11-10T10:00:00Z' }],
  account: { provider: 'sandbox', account_ref: 'acct_1234abcd' },
}

// ---- Offers ----

export function offer(overrides: Partial<Offer> = {}): Offer {
  return {
    id: 'off-1',
    product_id: productDetail.id,
    option_id: 'o1',
    title: productDetail.title,
    buyer_id: 'u1',
    seller_id: 's1',
    currency: 'EUR',
    listed_price: 129900,
    amount: 115000,
    counter_amount: null,
    status: 'pending',
    created_at: '2025-11-25T10:00:00Z',
    updated_at: '2025-11-25T10:00:00Z',
    expires_at: '2025-11-27T10:00:00Z',
    ...overrides,
  }
}

/** Offers the signed-in buyer made. */
export const offersMade: Offer[] = [
  offer(),
  offer({ id: 'off-2', title: 'ThinkPad X1 Carbon Gen 11', product_id: '5d1c2b7a-2f0e-4b8f-8a36-0c9b1c2d3e44', option_id: null, seller_id: 's2', listed_price: 89000, amount: 75000, counter_amount: 82000, status: 'countered' }),
  offer({ id: 'off-3', title: 'Pixel 8 128 GB', listed_price: 39900, amount: 35000, status: 'accepted' }),
]

/** Offers on the signed-in seller's listings. */
export const offersReceived: Offer[] = [
  offer({ id: 'off-r1', title: 'Galaxy S23 128 GB', product_id: 'mine-1', option_id: null, buyer_id: 'u9', seller_id: 'd1', listed_price: 54900, amount: 48000 }),
]

// ---- Shipping and tracking ----

export function trackingEvent(overrides: Partial<TrackingEvent> = {}): TrackingEvent {
  return { status: 'label_created', description: 'Label created', location: 'Berlin', occurred_at: '2025-11-26T09:00:00Z', ...overrides }
}

export function tracking(overrides: Partial<Tracking> = {}): Tracking {
  return {
    order_id: 'ord-2',
    carrier: 'sandbox',
    service: 'standard',
    tracking_number: 'TMSB0001234567',
    tracking_url: 'http://localhost:8000/sandbox/carrier/track/TMSB0001234567',
    status: 'in_transit',
    estimated_delivery: '2025-11-29',
    events: [
      trackingEvent(),
      trackingEvent({ status: 'picked_up', description: 'Picked up by the carrier', occurred_at: '2025-11-26T15:00:00Z' }),
      trackingEvent({ status: 'in_transit', description: 'Arrived at the sorting centre', location: 'Leipzig', occurred_at: '2025-11-27T06:00:00Z' }),
    ],
    ...overrides,
  }
}

// ---- Notifications ----

export function notification(overrides: Partial<AppNotification> = {}): AppNotification {
  return {
    id: 'n1',
    kind: 'order_shipped',
    title: 'Your order has shipped',
    body: 'Your order ORD-2 has shipped with TechMarket Shipping.',
    link: '/orders/ord-2/tracking',
    created_at: '2025-11-26T09:05:00Z',
    read_at: null,
    read: false,
    ...overrides,
  }
}

/** The signed-in user's notifications, newest first: two unread. */
export const notifications: AppNotification[] = [
  notification(),
  notification({ id: 'n2', kind: 'offer_answered', title: 'Your offer was countered', body: 'The seller countered with €820.00.', link: '/account/offers', created_at: '2025-11-25T18:00:00Z' }),
  notification({ id: 'n3', kind: 'order_paid', title: 'Thank you for your order', body: 'You paid €2,203.80.', link: '/account/orders/ord-1', created_at: '2025-11-25T10:00:10Z', read: true, read_at: '2025-11-25T11:00:00Z' }),
]

/** Every kind × channel, security kinds locked on; price drops are off by email. */
export const notificationPreferences: NotificationPreference[] = (
  ['order_shipped', 'delivered', 'offer_received', 'price_drop', 'password_reset', 'new_sign_in'] as const
).flatMap((kind) =>
  (['in_app', 'email'] as const).map((channel) => {
    const locked = kind === 'password_reset' || kind === 'new_sign_in'
    return {
      kind,
      channel,
      enabled: !(kind === 'price_drop' && channel === 'email'),
      locked,
      locked_reason: locked ? 'Security messages cannot be turned off: they tell you when someone else acts.' : null,
    }
  }),
)
