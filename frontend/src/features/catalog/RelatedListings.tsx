import Typography from '@mui/material/Typography'

import { useGetRelatedProductsQuery } from '../../api/catalog'
import { LoadingState } from '../../components/LoadingState'
import { ProductGrid } from './ProductGrid'

/** Listings like this one (same category, close specs and price); hidden when there are none. */
export function RelatedListings({ productId }: { productId: string }) {
  const { data, isLoading } = useGetRelatedProductsQuery(productId)
  if (!isLoading && (!data || data.length === 0)) return null
  return (
    <section aria-labelledby="related-heading" className="flex flex-col gap-4">
      <Typography id="related-heading" variant="h2">
        Similar listings
      </Typography>
      {isLoading ? <LoadingState label="Loading similar listings" count={4} /> : <ProductGrid products={data ?? []} />}
    </section>
  )
}
