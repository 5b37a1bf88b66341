import FilterListIcon from '@mui/icons-material/FilterList'
import Accordion from '@mui/material/Accordion'
import AccordionDetails from '@mui/material/AccordionDetails'
import AccordionSummary from '@mui/material/AccordionSummary'
import Button from '@mui/material/Button'
import Typography from '@mui/material/Typography'
import { useTheme } from '@mui/material/styles'
import useMediaQuery from '@mui/material/useMediaQuery'
import { useMemo } from 'react'
import { useNavigate, useParams, useSearchParams } from 'react-router'

import { useGetCategoriesQuery, useSearchProductsInfiniteQuery, type ProductSearch } from '../../api/catalog'
import { ErrorState } from '../../components/ErrorState'
import { LoadingState } from '../../components/LoadingState'
import { SaveSearchButton } from '../watchlist/SaveSearchButton'
import { ProductGrid } from './ProductGrid'
import { productSearchFromUrl, productSearchLocation } from './productSearchUrl'
import { SearchFilters } from './SearchFilters'
import { SortSelect } from './SortSelect'

const PAGE_SIZE = 24
const DEFAULT_CURRENCY = 'EUR'

/** `/search?…` and `/categories/:slug?…`: results, facet filters, sort and "Load more". */
export function SearchPage() {
  const { slug } = useParams()
  const [searchParams] = useSearchParams()
  const navigate = useNavigate()
  const theme = useTheme()
  const narrow = useMediaQuery(theme.breakpoints.down('md'))

  const queryString = searchParams.toString()
  // The URL is the single source of truth for the filters.
  const search = useMemo(
    () => productSearchFromUrl(new URLSearchParams(queryString), slug),
    [queryString, slug],
  )
  const query = useSearchProductsInfiniteQuery({ ...search, limit: PAGE_SIZE })
  const { data: categories } = useGetCategoriesQuery()

  const pages = query.data?.pages ?? []
  const products = pages.flatMap((page) => page.items)
  const facets = pages[0]?.facets
  const categoryName = search.category
    ? (categories?.find((category) => category.slug === search.category)?.name ??
      facets?.category.find((facet) => facet.value === search.category)?.label ??
      search.category)
    : undefined

  const heading = search.q ? `Results for “${search.q}”` : (categoryName ?? 'All listings')
  const applySearch = (next: ProductSearch) => void navigate(productSearchLocation(next, slug !== undefined))

  const filters = (
    <SearchFilters
      search={search}
      facets={facets}
      currency={products[0]?.currency ?? DEFAULT_CURRENCY}
      onChange={applySearch}
    />
  )

  return (
    <div className="flex flex-col gap-4">
      <title>{`${heading} · TechMarket`}</title>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <Typography variant="h1">{heading}</Typography>
          {search.q && categoryName && (
            <Typography color="text.secondary">in {categoryName}</Typography>
          )}
        </div>
        <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-center sm:justify-end">
          <SaveSearchButton search={search} defaultName={heading} />
          <SortSelect value={search.sort ?? 'relevance'} onChange={(sort) => applySearch({ ...search, sort })} />
        </div>
      </div>
      <div className="grid gap-6 md:grid-cols-[16rem_1fr]">
        <aside aria-label="Filters">
          {narrow ? (
            <Accordion disableGutters variant="outlined">
              <AccordionSummary expandIcon={<FilterListIcon />}>
                <Typography className="font-semibold">Filters</Typography>
              </AccordionSummary>
              <AccordionDetails>{filters}</AccordionDetails>
            </Accordion>
          ) : (
            filters
          )}
        </aside>
        <section aria-label="Results" aria-busy={query.isFetching}>
          {query.isLoading ? (
            <LoadingState label="Loading results" count={8} />
          ) : query.isError && products.length === 0 ? (
            <ErrorState error={query.error} onRetry={() => void query.refetch()} />
          ) : (
            <div className="flex flex-col gap-6">
              <ProductGrid products={products} emptyText="No listings match this search. Try fewer filters or other words." />
              {query.isFetchNextPageError && (
                <ErrorState error={query.error} onRetry={() => void query.fetchNextPage()} />
              )}
              {query.hasNextPage && (
                <Button
                  variant="outlined"
                  className="self-center"
                  loading={query.isFetchingNextPage}
                  onClick={() => void query.fetchNextPage()}
                >
                  Load more
                </Button>
              )}
            </div>
          )}
        </section>
      </div>
    </div>
  )
}
