import InsightsIcon from '@mui/icons-material/Insights'
import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'

import { useGetPriceGuideQuery } from '../../api/catalog'
import type { Condition } from '../../api/types'
import { CONDITION_LABELS } from '../../components/ConditionChip'
import { useDebouncedValue } from '../../components/useDebouncedValue'
import { priceGuideSentence } from '../catalog/priceGuide'

type PriceGuideBoxProps = { brand: string; model: string; condition: Condition | ''; currency: string }

/** Recent prices of the model in the condition, beside the price field, once all three are filled. */
export function PriceGuideBox({ brand, model, condition, currency }: PriceGuideBoxProps) {
  // Debounced as one string: an object would be new on every render.
  const key = useDebouncedValue(JSON.stringify([brand.trim(), model.trim(), condition, currency]), 400)
  const [wantedBrand = '', wantedModel = '', wantedCondition = '', wantedCurrency = ''] = JSON.parse(key) as string[]
  const wanted = { brand: wantedBrand, model: wantedModel, condition: wantedCondition, currency: wantedCurrency }
  const ready = wanted.brand !== '' && wanted.model !== '' && wanted.condition !== ''
  const { data, isFetching, isError } = useGetPriceGuideQuery(
    { brand: wanted.brand, model: wanted.model, condition: wanted.condition as Condition, currency: wanted.currency },
    { skip: !ready },
  )
  const sentence = data ? priceGuideSentence(data) : null

  return (
    <Paper variant="outlined" component="aside" aria-labelledby="price-guide-heading" className="flex gap-3 p-4" aria-live="polite">
      <InsightsIcon color="secondary" aria-hidden />
      <div className="flex flex-col gap-1">
        <Typography id="price-guide-heading" component="h3" className="font-semibold">
          Price guidance
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {!ready
            ? 'Fill in the brand, model and condition to see what this model recently sold for.'
            : isFetching && !data
              ? 'Looking up recent prices…'
              : isError
                ? 'Price guidance is not available right now.'
                : data && sentence
                  ? `Recent prices for ${data.brand} ${data.model} in ${CONDITION_LABELS[data.condition]?.toLowerCase() ?? data.condition} condition: ${sentence}.`
                  : 'No recent sales or asking prices for this model in this condition yet.'}
        </Typography>
      </div>
    </Paper>
  )
}
