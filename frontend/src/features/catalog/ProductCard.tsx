import ImageNotSupportedIcon from '@mui/icons-material/ImageNotSupported'
import Card from '@mui/material/Card'
import CardActionArea from '@mui/material/CardActionArea'
import CardContent from '@mui/material/CardContent'
import Typography from '@mui/material/Typography'
import { Link as RouterLink } from 'react-router'

import type { ProductSummary } from '../../api/types'
import { ConditionChip } from '../../components/ConditionChip'
import { Price } from '../../components/Price'

export const productPath = (id: string) => `/products/${encodeURIComponent(id)}`

export function ProductCard({ product }: { product: ProductSummary }) {
  return (
    <Card component="article" className="h-full" aria-label={product.title}>
      <CardActionArea component={RouterLink} to={productPath(product.id)} className="flex h-full flex-col items-stretch">
        {product.image ? (
          <img
            src={product.image.card_url}
            alt={product.title}
            loading="lazy"
            decoding="async"
            className="block aspect-[4/3] w-full bg-slate-100 object-cover"
          />
        ) : (
          <div className="flex aspect-[4/3] w-full items-center justify-center bg-slate-100 text-slate-400" role="img" aria-label={`${product.title}: no photo yet`}>
            <ImageNotSupportedIcon fontSize="large" />
          </div>
        )}
        <CardContent className="flex flex-1 flex-col gap-1">
          <Typography component="h3" variant="subtitle1" className="line-clamp-2 font-semibold leading-snug">
            {product.title}
          </Typography>
          <Price amount={product.price} currency={product.currency} variant="h6" component="p" />
          <div className="flex flex-wrap items-center gap-2">
            <ConditionChip condition={product.condition} />
            <Typography variant="body2" color="text.secondary">
              {product.brand}
            </Typography>
          </div>
          <Typography variant="body2" color="text.secondary" className="mt-auto pt-1">
            {product.seller.store_name}
            {product.location ? ` · ${product.location}` : ''}
          </Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  )
}
