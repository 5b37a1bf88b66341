import { techmarketApi } from './techmarketApi'
import type {
  Category,
  CategoryList,
  Condition,
  ProductDetail,
  ProductList,
  ProductPage,
  ProductSort,
  ProductSummary,
} from './types'

/** Filters of `GET /products`. Prices are in minor units, like every amount on the wire. */
export type ProductSearch = {
  q?: string
  category?: string
  brand?: string[]
  condition?: Condition[]
  min_price?: number
  max_price?: number
  sort?: ProductSort
  limit?: number
}

/**
 * Query string for `GET /products`. Multi-valued filters repeat their key
 * (`brand=Apple&brand=Samsung`), which FastAPI reads as a list.
 */
export function productSearchParams(search: ProductSearch, cursor?: string | null): URLSearchParams {
  const params = new URLSearchParams()
  if (search.q) params.set('q', search.q)
  if (search.category) params.set('category', search.category)
  for (const brand of search.brand ?? []) params.append('brand', brand)
  for (const condition of search.condition ?? []) params.append('condition', condition)
  if (search.min_price !== undefined) params.set('min_price', String(search.min_price))
  if (search.max_price !== undefined) params.set('max_price', String(search.max_price))
  if (search.sort) params.set('sort', search.sort)
  if (search.limit !== undefined) params.set('limit', String(search.limit))
  if (cursor) params.set('cursor', cursor)
  return params
}

function productsUrl(search: ProductSearch, cursor?: string | null): string {
  const query = productSearchParams(search, cursor).toString()
  return query ? `/products?${query}` : '/products'
}

export const catalogApi = techmarketApi.injectEndpoints({
  endpoints: (build) => ({
    getCategories: build.query<Category[], void>({
      query: () => '/categories',
      transformResponse: (response: CategoryList) => response.items,
    }),
    getFeaturedProducts: build.query<ProductSummary[], void>({
      query: () => '/products/featured',
      transformResponse: (response: ProductList) => response.items,
    }),
    /** One page of listings, for fixed shelves such as "Just listed". */
    getProducts: build.query<ProductPage, ProductSearch>({
      query: (search) => productsUrl(search),
    }),
    /** Search results that grow page by page through `next_cursor` ("Load more"). */
    searchProducts: build.infiniteQuery<ProductPage, ProductSearch, string | null>({
      infiniteQueryOptions: {
        initialPageParam: null,
        getNextPageParam: (lastPage) => lastPage.next_cursor,
      },
      query: ({ queryArg, pageParam }) => productsUrl(queryArg, pageParam),
    }),
    getProduct: build.query<ProductDetail, string>({
      query: (id) => `/products/${encodeURIComponent(id)}`,
    }),
  }),
})

export const {
  useGetCategoriesQuery,
  useGetFeaturedProductsQuery,
  useGetProductsQuery,
  useSearchProductsInfiniteQuery,
  useGetProductQuery,
} = catalogApi
