import Typography from '@mui/material/Typography'

import { useGetPromotionsQuery } from '../../api/catalog'
import { ProductGrid } from '../catalog/ProductGrid'

/** The promotions running now, each a row of its listings; nothing at all when there are none or they fail. */
export function Promotions() {
  const { data } = useGetPromotionsQuery()
  const running = (data ?? []).filter((promotion) => promotion.products.length > 0)
  if (running.length === 0) return null
  return (
    <>
      {running.map((promotion) => (
        <section
          key={promotion.id}
          aria-labelledby={`promotion-${promotion.id}`}
          className="flex flex-col gap-4 rounded-2xl bg-teal-50 p-4 sm:p-6"
        >
          <div>
            <Typography id={`promotion-${promotion.id}`} variant="h2">
              {promotion.title}
            </Typography>
            {promotion.subtitle && <Typography color="text.secondary">{promotion.subtitle}</Typography>}
          </div>
          <ProductGrid products={promotion.products.slice(0, 8)} />
        </section>
      ))}
    </>
  )
}
