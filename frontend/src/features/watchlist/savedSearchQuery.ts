import type { ProductSearch } from '../../api/catalog'
import type { SavedSearchQuery } from '../../api/types'
import { CONDITION_LABELS } from '../../components/ConditionChip'
import { formatPrice } from '../../components/Price'
import { productSearchLocation } from '../catalog/productSearchUrl'
import { choiceLabel } from '../catalog/listingLabels'

/** The filters of a search page as the saved-search API stores them (no sort, no paging). */
export function savedQueryOf(search: ProductSearch): SavedSearchQuery {
  return {
    q: search.q ?? null,
    category: search.category ?? null,
    brand: search.brand ?? [],
    condition: search.condition ?? [],
    min_price: search.min_price ?? null,
    max_price: search.max_price ?? null,
    spec: search.spec ?? [],
  }
}

export function searchOf(query: SavedSearchQuery): ProductSearch {
  const search: ProductSearch = {}
  if (query.q) search.q = query.q
  if (query.category) search.category = query.category
  if (query.brand.length > 0) search.brand = query.brand
  if (query.condition.length > 0) search.condition = query.condition
  if (query.min_price !== null) search.min_price = query.min_price
  if (query.max_price !== null) search.max_price = query.max_price
  if (query.spec.length > 0) search.spec = query.spec
  return search
}

/** Where a saved search's results are: its category page, or /search. */
export const savedSearchPath = (query: SavedSearchQuery) => productSearchLocation(searchOf(query), true)

/**
 * The saved filters in words: "“pixel” · Android phones · Samsung · Good · up to €500.00 ·
 * Carrier lock: Unlocked". Prices are shown in euros, as the search page's price filter is.
 */
export function describeSavedQuery(query: SavedSearchQuery, categoryName: (slug: string) => string, currency = 'EUR'): string {
  const parts: string[] = []
  if (query.q) parts.push(`“${query.q}”`)
  if (query.category) parts.push(categoryName(query.category))
  if (query.brand.length > 0) parts.push(query.brand.join(' or '))
  if (query.condition.length > 0) parts.push(query.condition.map((condition) => CONDITION_LABELS[condition]).join(' or '))
  if (query.min_price !== null && query.max_price !== null) {
    parts.push(`${formatPrice(query.min_price, currency)} – ${formatPrice(query.max_price, currency)}`)
  } else if (query.min_price !== null) {
    parts.push(`from ${formatPrice(query.min_price, currency)}`)
  } else if (query.max_price !== null) {
    parts.push(`up to ${formatPrice(query.max_price, currency)}`)
  }
  for (const spec of query.spec) {
    const [name = '', ...rest] = spec.split(':')
    parts.push(`${choiceLabel(name)}: ${choiceLabel(rest.join(':'))}`)
  }
  return parts.length > 0 ? parts.join(' · ') : 'All listings'
}
