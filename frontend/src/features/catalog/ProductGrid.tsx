import Typography from '@mui/material/Typography'

import type { ProductSummary } from '../../api/types'
import { productGridClassName } from '../../components/productGridClassName'
import { ProductCard } from './ProductCard'

type ProductGridProps = {
  products: readonly ProductSummary[]
  /** Said when there is nothing to show. */
  emptyText?: string
}

export function ProductGrid({ products, emptyText = 'No listings yet.' }: ProductGridProps) {
  if (products.length === 0) {
    return <Typography color="text.secondary">{emptyText}</Typography>
  }
  return (
    <ul className={`${productGridClassName} m-0 list-none p-0`}>
      {products.map((product) => (
        <li key={product.id}>
          <ProductCard product={product} />
        </li>
      ))}
    </ul>
  )
}
