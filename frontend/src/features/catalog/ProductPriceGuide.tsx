import InsightsIcon from '@mui/icons-material/Insights'
import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'

import { useGetPriceGuideQuery } from '../../api/catalog'
import type { ProductSummary } from '../../api/types'
import { priceGuideSentence } from './priceGuide'

/** What this model recently sold for in this condition; nothing when there is too little data. */
export function ProductPriceGuide({ product }: { product: ProductSummary }) {
  const { data } = useGetPriceGuideQuery(
    { brand: product.brand, model: product.model, condition: product.condition, currency: product.currency },
    { skip: !product.brand || !product.model },
  )
  const sentence = data ? priceGuideSentence(data) : null
  if (!sentence) return null
  return (
    <Paper variant="outlined" component="aside" aria-labelledby="product-price-guide-heading" className="flex gap-3 p-4">
      <InsightsIcon color="secondary" aria-hidden />
      <div>
        <Typography id="product-price-guide-heading" component="h2" className="font-semibold">
          Price guidance
        </Typography>
        <Typography variant="body2">Recent prices for this model in this condition: {sentence}.</Typography>
      </div>
    </Paper>
  )
}
