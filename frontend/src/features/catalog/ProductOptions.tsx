import FormControlLabel from '@mui/material/FormControlLabel'
import Radio from '@mui/material/Radio'
import RadioGroup from '@mui/material/RadioGroup'
import Typography from '@mui/material/Typography'

import type { ProductOption } from '../../api/types'
import { formatPrice } from '../../components/Price'

/** The first option that is in stock: the one chosen when the page opens. */
export function firstAvailableOption(options: readonly ProductOption[]): string | null {
  return (options.find((option) => option.quantity > 0) ?? options[0])?.id ?? null
}

type ProductOptionsProps = {
  options: readonly ProductOption[]
  currency: string
  /** The chosen option's id (what "Add to cart" and "Make an offer" use). */
  value: string | null
  onChange: (id: string) => void
}

/** The variants a listing comes in (storage, colour…), each with its own price and stock: choose one. */
export function ProductOptions({ options, currency, value, onChange }: ProductOptionsProps) {
  if (options.length === 0) return null
  return (
    <section aria-labelledby="product-options-heading">
      <Typography id="product-options-heading" variant="h3" component="h2" gutterBottom>
        Options
      </Typography>
      <RadioGroup
        aria-labelledby="product-options-heading"
        name="product-option"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value)}
        className="rounded-lg border border-solid border-slate-200"
      >
        {options.map((option, index) => (
          <FormControlLabel
            key={option.id}
            value={option.id}
            disabled={option.quantity <= 0}
            control={<Radio />}
            className={`m-0 w-full px-2 py-1 ${index > 0 ? 'border-0 border-t border-solid border-slate-200' : ''}`}
            slotProps={{ typography: { className: 'flex w-full flex-1 items-center justify-between gap-3' } }}
            label={
              <>
                <span className="flex flex-col">
                  <span>{option.name}</span>
                  <Typography component="span" variant="body2" color="text.secondary">
                    {option.quantity > 0 ? `${option.quantity} in stock` : 'Out of stock'}
                  </Typography>
                </span>
                <span className="font-semibold">{formatPrice(option.price, currency)}</span>
              </>
            }
          />
        ))}
      </RadioGroup>
    </section>
  )
}
