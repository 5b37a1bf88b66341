import Card from '@mui/material/Card'
import CardActionArea from '@mui/material/CardActionArea'
import Typography from '@mui/material/Typography'
import { Link as RouterLink } from 'react-router'

import type { CategoryNode } from '../catalog/categoryTree'

/** Top-level categories as large tiles linking to their listings. */
export function CategoryTiles({ categories }: { categories: readonly CategoryNode[] }) {
  return (
    <ul className="m-0 grid list-none grid-cols-2 gap-3 p-0 sm:grid-cols-3 md:grid-cols-4 lg:grid-cols-6">
      {categories.map((category) => (
        <li key={category.id}>
          <Card className="h-full">
            <CardActionArea component={RouterLink} to={`/categories/${encodeURIComponent(category.slug)}`} className="h-full p-4">
              <Typography className="font-semibold">{category.name}</Typography>
              {category.children.length > 0 && (
                <Typography variant="body2" color="text.secondary" className="line-clamp-2">
                  {category.children.map((child) => child.name).join(', ')}
                </Typography>
              )}
            </CardActionArea>
          </Card>
        </li>
      ))}
    </ul>
  )
}
