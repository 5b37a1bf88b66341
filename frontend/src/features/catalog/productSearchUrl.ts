import { productSearchParams, type ProductSearch } from '../../api/catalog'
import { CONDITIONS, PRODUCT_SORTS, type Condition, type ProductSort } from '../../api/types'

const isCondition = (value: string): value is Condition => (CONDITIONS as readonly string[]).includes(value)
const isSort = (value: string): value is ProductSort => (PRODUCT_SORTS as readonly string[]).includes(value)

function nonNegativeInteger(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined
  const number = Number(value)
  return Number.isSafeInteger(number) ? number : undefined
}

/**
 * Reads search filters from the page URL. The URL uses the API's own parameter names,
 * so a search page link and the API request carry the same query string.
 * On `/categories/:slug` the category comes from the path.
 */
export function productSearchFromUrl(params: URLSearchParams, categorySlug?: string): ProductSearch {
  const search: ProductSearch = {}
  const q = params.get('q')?.trim()
  if (q) search.q = q
  const category = categorySlug ?? params.get('category')
  if (category) search.category = category
  const brand = params.getAll('brand').filter(Boolean)
  if (brand.length > 0) search.brand = brand
  const condition = params.getAll('condition').filter(isCondition)
  if (condition.length > 0) search.condition = condition
  const minPrice = nonNegativeInteger(params.get('min_price'))
  if (minPrice !== undefined) search.min_price = minPrice
  const maxPrice = nonNegativeInteger(params.get('max_price'))
  if (maxPrice !== undefined) search.max_price = maxPrice
  // `name:value`; the API checks the name and value against the category.
  const spec = params.getAll('spec').filter((value) => /^[^:\s]+:.+$/.test(value))
  if (spec.length > 0) search.spec = spec
  const sort = params.get('sort')
  if (sort && isSort(sort)) search.sort = sort
  return search
}

/**
 * Where a search lives: `/categories/<slug>?…` when the page was reached through a
 * category and still has one, `/search?…` otherwise.
 */
export function productSearchLocation(search: ProductSearch, categoryInPath: boolean): string {
  const { category, limit: _limit, ...rest } = search
  if (categoryInPath && category) {
    const query = productSearchParams(rest).toString()
    return `/categories/${encodeURIComponent(category)}${query ? `?${query}` : ''}`
  }
  const query = productSearchParams({ ...rest, category }).toString()
  return `/search${query ? `?${query}` : ''}`
}

export const SORT_LABELS: Record<ProductSort, string> = {
  relevance: 'Relevance',
  newest: 'Newest',
  price_asc: 'Price: low to high',
  price_desc: 'Price: high to low',
}

/** The spec filter on `name` ("carrier_lock:unlocked" → "unlocked"), if any. */
export function specFilterValue(spec: readonly string[] | undefined, name: string): string | undefined {
  const entry = spec?.find((value) => value.startsWith(`${name}:`))
  return entry === undefined ? undefined : entry.slice(name.length + 1)
}

/** The spec filters with `name` set to `value`, or cleared when `value` is undefined. */
export function withSpecFilter(spec: readonly string[] | undefined, name: string, value: string | undefined): string[] | undefined {
  const next = (spec ?? []).filter((entry) => !entry.startsWith(`${name}:`))
  if (value !== undefined) next.push(`${name}:${value}`)
  return next.length > 0 ? next : undefined
}

/** A price band facet ("10000..25000", "..10000", "50000..") as minor-unit bounds. */
export function priceBand(value: string): { min_price?: number; max_price?: number } | undefined {
  const match = /^(\d*)\.\.(\d*)$/.exec(value)
  if (!match || (match[1] === '' && match[2] === '')) return undefined
  return {
    ...(match[1] ? { min_price: Number(match[1]) } : {}),
    ...(match[2] ? { max_price: Number(match[2]) } : {}),
  }
}
