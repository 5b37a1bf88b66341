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

export type ProductFacets = {
  brand: FacetValue[]
  condition: FacetValue[]
  category: FacetValue[]
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

export type ProductStatus = 'active' | 'reserved' | 'sold_out' | 'removed'

export type ProductVisibility = 'draft' | 'public' | 'unlisted' | 'private'

export type ProductDetail = ProductSummary & {
  description: string
  specs: Record<string, string | number | boolean>
  options: ProductOption[]
  images: ImageUrls[]
  quantity: number
  status: ProductStatus
  visibility: ProductVisibility
  updated_at: string
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
