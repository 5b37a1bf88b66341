import Card from '@mui/material/Card'
import CardActionArea from '@mui/material/CardActionArea'
import Typography from '@mui/material/Typography'
import { Link as RouterLink } from 'react-router'

import { useGetPopularCategoriesQuery } from '../../api/catalog'

const count = new Intl.NumberFormat()

/** Top-level categories with the most listings; hidden when there are none or the request fails. */
export function PopularCategories() {
  const { data } = useGetPopularCategoriesQuery()
  if (!data || data.length === 0) return null
  return (
    <section aria-labelledby="popular-categories-heading" className="flex flex-col gap-4">
      <Typography id="popular-categories-heading" variant="h2">
        Popular categories
      </Typography>
      <ul className="m-0 grid list-none grid-cols-2 gap-3 p-0 sm:grid-cols-3 md:grid-cols-4 lg:grid-cols-6">
        {data.map(({ category, listings }) => (
          <li key={category.id}>
            <Card className="h-full">
              <CardActionArea
                component={RouterLink}
                to={`/categories/${encodeURIComponent(category.slug)}`}
                className="h-full p-4"
              >
                <Typography className="font-semibold">{category.name}</Typography>
                <Typography variant="body2" color="text.secondary">
                  {count.format(listings)} {listings === 1 ? 'listing' : 'listings'}
                </Typography>
              </CardActionArea>
            </Card>
          </li>
        ))}
      </ul>
    </section>
  )
}
