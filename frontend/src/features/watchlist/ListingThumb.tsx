import ImageNotSupportedIcon from '@mui/icons-material/ImageNotSupported'

import type { ProductSummary } from '../../api/types'

/** A small square photo beside a listing's title (decorative: the title says what it is). */
export function ListingThumb({ product }: { product: ProductSummary }) {
  return product.image ? (
    <img
      src={product.image.thumbnail_url}
      alt=""
      width={64}
      height={64}
      loading="lazy"
      className="h-16 w-16 shrink-0 rounded-lg bg-slate-100 object-cover"
    />
  ) : (
    <div aria-hidden className="flex h-16 w-16 shrink-0 items-center justify-center rounded-lg bg-slate-100 text-slate-400">
      <ImageNotSupportedIcon />
    </div>
  )
}
