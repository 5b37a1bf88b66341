import Button from '@mui/material/Button'
import Typography from '@mui/material/Typography'
import { useMemo, type ReactNode } from 'react'
import { Link as RouterLink } from 'react-router'

import { useGetCategoriesQuery, useGetFeaturedProductsQuery, useGetProductsQuery } from '../../api/catalog'
import { ErrorState } from '../../components/ErrorState'
import { LoadingState } from '../../components/LoadingState'
import { buildCategoryTree } from '../catalog/categoryTree'
import { ProductGrid } from '../catalog/ProductGrid'
import { CategoryTiles } from './CategoryTiles'
import { HomeNotice } from './HomeNotice'
import { PopularCategories } from './PopularCategories'
import { Promotions } from './Promotions'

function Shelf({ id, title, action, children }: { id: string; title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-4">
      <div className="flex items-baseline justify-between gap-4">
        <Typography id={id} variant="h2">
          {title}
        </Typography>
        {action}
      </div>
      {children}
    </section>
  )
}

export function HomePage() {
  const featured = useGetFeaturedProductsQuery()
  const categories = useGetCategoriesQuery()
  const newest = useGetProductsQuery({ sort: 'newest', limit: 8 })
  const topCategories = useMemo(() => buildCategoryTree(categories.data ?? []), [categories.data])

  return (
    <div className="flex flex-col gap-10">
      <title>TechMarket: buy and sell tech, new and used</title>
      <HomeNotice />
      <div className="rounded-2xl bg-[#0f4c81] px-6 py-8 text-white sm:px-10 sm:py-12">
        <Typography variant="h1" className="max-w-2xl">
          Phones, laptops and parts, from people who know tech.
        </Typography>
        <Typography className="mt-2 max-w-2xl opacity-90">
          Buy new and used devices from sellers you can check, or list your own in minutes.
        </Typography>
      </div>

      <Promotions />

      <Shelf id="featured-heading" title="Featured">
        {featured.isLoading ? (
          <LoadingState label="Loading featured products" />
        ) : featured.isError ? (
          <ErrorState error={featured.error} onRetry={() => void featured.refetch()} />
        ) : (
          <ProductGrid products={featured.data ?? []} emptyText="No featured listings right now." />
        )}
      </Shelf>

      <Shelf id="categories-heading" title="Shop by category">
        {categories.isLoading ? (
          <LoadingState label="Loading categories" count={6} />
        ) : categories.isError ? (
          <ErrorState error={categories.error} onRetry={() => void categories.refetch()} />
        ) : (
          <CategoryTiles categories={topCategories} />
        )}
      </Shelf>

      <PopularCategories />

      <Shelf
        id="newest-heading"
        title="Just listed"
        action={
          <Button component={RouterLink} to="/search?sort=newest">
            See all
          </Button>
        }
      >
        {newest.isLoading ? (
          <LoadingState label="Loading new listings" count={8} />
        ) : newest.isError ? (
          <ErrorState error={newest.error} onRetry={() => void newest.refetch()} />
        ) : (
          <ProductGrid products={newest.data?.items ?? []} />
        )}
      </Shelf>
    </div>
  )
}
