import CancelIcon from '@mui/icons-material/Cancel'
import CheckCircleIcon from '@mui/icons-material/CheckCircle'
import Typography from '@mui/material/Typography'

import type { ProductDetail } from '../../api/types'
import { CONDITION_LABELS } from '../../components/ConditionChip'
import { CONDITION_EXPLANATIONS } from './listingLabels'

/** The grade and what it means, the seller's notes on marks, and the functional checks. */
export function ConditionSection({ product }: { product: ProductDetail }) {
  const checklist = product.checklist ?? []
  return (
    <section aria-labelledby="product-condition-heading" className="flex flex-col gap-3">
      <Typography id="product-condition-heading" variant="h3" component="h2">
        Condition
      </Typography>
      <Typography>
        <strong>{CONDITION_LABELS[product.condition]}:</strong> {CONDITION_EXPLANATIONS[product.condition]}
      </Typography>
      {product.cosmetic_notes && (
        <div>
          <Typography component="h3" className="font-semibold">
            Seller&apos;s notes on its looks
          </Typography>
          <Typography className="whitespace-pre-line">{product.cosmetic_notes}</Typography>
        </div>
      )}
      {checklist.length > 0 && (
        <div>
          <Typography component="h3" className="font-semibold">
            Functional checks
          </Typography>
          <ul aria-label="Functional checks" className="m-0 mt-1 flex list-none flex-col gap-1 p-0">
            {checklist.map((item) => (
              <li key={item.key} className="flex items-center gap-2">
                {item.passed ? (
                  <CheckCircleIcon fontSize="small" color="success" aria-hidden />
                ) : (
                  <CancelIcon fontSize="small" color="error" aria-hidden />
                )}
                <span>
                  {item.label}: <span className="font-semibold">{item.passed ? 'passed' : 'not passed'}</span>
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}
