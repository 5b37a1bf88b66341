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

/** RFC 9457 problem details, the body of every error response. */
export type ProblemDetails = {
  type: string
  title: string
  status: number
  detail?: string
  errors?: { field: string; message: string }[]
}
