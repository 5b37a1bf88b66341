import type {
  ActivityPage,
  Address,
  Category,
  Contact,
  Me,
  ProductDetail,
  ProductPage,
  ProductSummary,
  Session,
  SocialLink,
  TokenPair,
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
      thumbnail_url: '/media/products/p1/a-thumb.webp',
      card_url: '/media/products/p1/a-card.webp',
      full_url: '/media/products/p1/a-full.webp',
    },
    {
      thumbnail_url: '/media/products/p1/b-thumb.webp',
      card_url: '/media/products/p1/b-card.webp',
      full_url: '/media/products/p1/b-full.webp',
    },
  ],
  quantity: 2,
  status: 'active',
  visibility: 'public',
  updated_at: '2025-11-21T10:00:00Z',
}

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
