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
