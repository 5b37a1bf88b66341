import { techmarketApi } from './techmarketApi'
import type {
  Category,
  CategoryList,
  Comparison,
  Condition,
  ListingForm,
  MyProductPage,
  PopularCategory,
  PopularCategoryList,
  PriceGuide,
  ProductCreate,
  ProductDetail,
  ProductList,
  ProductPage,
  ProductSort,
  ProductStatus,
  ProductSummary,
  ProductUpdate,
  Promotion,
  PromotionList,
  Suggestion,
  SuggestionList,
} from './types'

/** Filters of `GET /products`. Prices are in minor units, like every amount on the wire. */
export type ProductSearch = {
  q?: string
  category?: string
  brand?: string[]
  condition?: Condition[]
  min_price?: number
  max_price?: number
  /** Spec filters of the category, `name:value` (`ram_gb:16`, `ram_gb:8..32`, `5g:true`). */
  spec?: string[]
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
  for (const spec of search.spec ?? []) params.append('spec', spec)
  if (search.sort) params.set('sort', search.sort)
  if (search.limit !== undefined) params.set('limit', String(search.limit))
  if (cursor) params.set('cursor', cursor)
  return params
}

function productsUrl(search: ProductSearch, cursor?: string | null): string {
  const query = productSearchParams(search, cursor).toString()
  return query ? `/products?${query}` : '/products'
}

/** Filters of `GET /products/price-guide`. */
export type PriceGuideQuery = { brand: string; model: string; condition: Condition; currency: string }

const path = (id: string) => encodeURIComponent(id)

export const catalogApi = techmarketApi
  .enhanceEndpoints({ addTagTypes: ['Product', 'MyProducts'] })
  .injectEndpoints({
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
        query: (id) => `/products/${path(id)}`,
        providesTags: (_result, _error, id) => [{ type: 'Product', id }],
      }),

      // ---- Selling: the caller's listings, the listing form, writes ----

      /** The category's spec fields and functional checklist, for the listing form. */
      getListingForm: build.query<ListingForm, string>({
        query: (slug) => `/categories/${path(slug)}/listing-form`,
      }),
      /** Every listing of the caller's store (drafts, private, removed too), page by page. */
      getMyProducts: build.infiniteQuery<MyProductPage, { status?: ProductStatus }, string | null>({
        infiniteQueryOptions: {
          initialPageParam: null,
          getNextPageParam: (lastPage) => lastPage.next_cursor,
        },
        query: ({ queryArg, pageParam }) => {
          const params = new URLSearchParams()
          if (queryArg.status) params.set('status', queryArg.status)
          if (pageParam) params.set('cursor', pageParam)
          const query = params.toString()
          return query ? `/products/mine?${query}` : '/products/mine'
        },
        providesTags: ['MyProducts'],
      }),
      createProduct: build.mutation<ProductDetail, ProductCreate>({
        query: (body) => ({ url: '/products', method: 'POST', body }),
        invalidatesTags: ['MyProducts'],
        onQueryStarted: storeProduct,
      }),
      updateProduct: build.mutation<ProductDetail, { id: string; changes: ProductUpdate }>({
        query: ({ id, changes }) => ({ url: `/products/${path(id)}`, method: 'PATCH', body: changes }),
        invalidatesTags: ['MyProducts'],
        onQueryStarted: storeProduct,
      }),
      /** Takes the listing off the market (it stays in "My listings" as removed). */
      deleteProduct: build.mutation<null, string>({
        query: (id) => ({ url: `/products/${path(id)}`, method: 'DELETE' }),
        invalidatesTags: (_result, _error, id) => ['MyProducts', { type: 'Product', id }],
      }),
      /** One photo, sent as the multipart field `file`; the answer is the listing with it. */
      uploadProductImage: build.mutation<ProductDetail, { id: string; file: File }>({
        query: ({ id, file }) => {
          const body = new FormData()
          body.append('file', file)
          return { url: `/products/${path(id)}/images`, method: 'POST', body }
        },
        invalidatesTags: ['MyProducts'],
        onQueryStarted: storeProduct,
      }),
      deleteProductImage: build.mutation<null, { id: string; imageId: string }>({
        query: ({ id, imageId }) => ({ url: `/products/${path(id)}/images/${path(imageId)}`, method: 'DELETE' }),
        invalidatesTags: ['MyProducts'],
        async onQueryStarted({ id, imageId }, { dispatch, queryFulfilled }) {
          try {
            await queryFulfilled
            dispatch(
              catalogApi.util.updateQueryData('getProduct', id, (product) => {
                product.images = product.images.filter((image) => image.id !== imageId)
                product.image = product.images[0] ?? null
              }),
            )
          } catch {
            // The page shows the error.
          }
        },
      }),
      /** The full list of the listing's image ids, in the new order. */
      reorderProductImages: build.mutation<ProductDetail, { id: string; imageIds: string[] }>({
        query: ({ id, imageIds }) => ({
          url: `/products/${path(id)}/images/order`,
          method: 'PUT',
          body: { image_ids: imageIds },
        }),
        invalidatesTags: ['MyProducts'],
        /** Shows the new order at once, and puts the old one back if the server refuses it. */
        async onQueryStarted({ id, imageIds }, { dispatch, queryFulfilled }) {
          const patch = dispatch(
            catalogApi.util.updateQueryData('getProduct', id, (product) => {
              const byId = new Map(product.images.map((image) => [image.id, image]))
              const ordered = imageIds.map((imageId) => byId.get(imageId)).filter((image) => image !== undefined)
              if (ordered.length === product.images.length) {
                product.images = ordered
                product.image = ordered[0] ?? null
              }
            }),
          )
          try {
            const { data } = await queryFulfilled
            dispatch(catalogApi.util.upsertQueryData('getProduct', data.id, data))
          } catch {
            patch.undo()
          }
        },
      }),

      // ---- Discovery ----

      /** Up to 10 products, brands and categories for what is being typed (`q` ≥ 2 characters). */
      suggestProducts: build.query<Suggestion[], string>({
        query: (q) => `/products/suggest?${new URLSearchParams({ q }).toString()}`,
        transformResponse: (response: SuggestionList) => response.items,
        keepUnusedDataFor: 30,
      }),
      /** 2 to 4 listings side by side, with a row per spec. */
      compareProducts: build.query<Comparison, readonly string[]>({
        query: (ids) => `/products/compare?${new URLSearchParams({ ids: ids.join(',') }).toString()}`,
      }),
      getRelatedProducts: build.query<ProductSummary[], string>({
        query: (id) => `/products/${path(id)}/related`,
        transformResponse: (response: ProductList) => response.items,
      }),
      getPriceGuide: build.query<PriceGuide, PriceGuideQuery>({
        query: (guide) => `/products/price-guide?${new URLSearchParams(guide).toString()}`,
      }),
      getPromotions: build.query<Promotion[], void>({
        query: () => '/promotions',
        transformResponse: (response: PromotionList) => response.items,
      }),
      getPopularCategories: build.query<PopularCategory[], void>({
        query: () => '/categories/popular',
        transformResponse: (response: PopularCategoryList) => response.items,
      }),
    }),
  })

/** Puts a listing the server answered with into the product page's cache. */
async function storeProduct(
  _arg: unknown,
  { dispatch, queryFulfilled }: { dispatch: (action: unknown) => unknown; queryFulfilled: Promise<{ data: ProductDetail }> },
) {
  try {
    const { data } = await queryFulfilled
    dispatch(catalogApi.util.upsertQueryData('getProduct', data.id, data))
  } catch {
    // The form shows the error.
  }
}

export const {
  useGetCategoriesQuery,
  useGetFeaturedProductsQuery,
  useGetProductsQuery,
  useSearchProductsInfiniteQuery,
  useGetProductQuery,
  useGetListingFormQuery,
  useGetMyProductsInfiniteQuery,
  useCreateProductMutation,
  useUpdateProductMutation,
  useDeleteProductMutation,
  useUploadProductImageMutation,
  useDeleteProductImageMutation,
  useReorderProductImagesMutation,
  useSuggestProductsQuery,
  useCompareProductsQuery,
  useGetRelatedProductsQuery,
  useGetPriceGuideQuery,
  useGetPromotionsQuery,
  useGetPopularCategoriesQuery,
} = catalogApi
