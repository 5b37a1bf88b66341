import VerifiedUserIcon from '@mui/icons-material/VerifiedUser'
import FormControl from '@mui/material/FormControl'
import FormControlLabel from '@mui/material/FormControlLabel'
import FormLabel from '@mui/material/FormLabel'
import Radio from '@mui/material/Radio'
import RadioGroup from '@mui/material/RadioGroup'

import type { SellerQuote, ShippingService } from '../../api/types'
import { formatPrice } from '../../components/Price'
import { daysText, formatDay, SERVICE_LABELS, shippingOptionText } from '../shipping/shippingLabels'

type Props = {
  seller: SellerQuote
  currency: string
  /** What the buyer picked; before that, what the quote priced. */
  value: ShippingService
  onChange: (service: ShippingService) => void
  disabled?: boolean
}

/** How one seller sends the parcel: a radio per service level, with its price and estimate. */
export function ShippingServiceChoice({ seller, currency, value, onChange, disabled }: Props) {
  const options = seller.shipping_options ?? []
  if (options.length === 0) return null
  return (
    <FormControl component="fieldset" disabled={disabled} className="m-0">
      <FormLabel component="legend" className="text-sm">
        Shipping from {seller.store_name}
      </FormLabel>
      <RadioGroup
        name={`shipping-${seller.seller_id}`}
        value={value}
        onChange={(event) => onChange(event.target.value as ShippingService)}
      >
        {options.map((option) => (
          <FormControlLabel
            key={option.service}
            value={option.service}
            className="mr-0 w-full"
            control={<Radio slotProps={{ input: { 'aria-label': shippingOptionText(option, currency) } }} />}
            slotProps={{ typography: { component: 'span', className: 'w-full' } }}
            label={
              <span className="flex w-full flex-wrap items-baseline justify-between gap-x-3 py-1">
                <span className="flex flex-col">
                  <span className="font-semibold">{SERVICE_LABELS[option.service] ?? option.service}</span>
                  <span className="text-sm text-slate-600">
                    {daysText(option.estimated_days)}
                    {option.estimated_delivery && `, by ${formatDay(option.estimated_delivery)}`}
                    {option.insured && (
                      <span className="ml-2 inline-flex items-center gap-0.5 whitespace-nowrap">
                        <VerifiedUserIcon fontSize="inherit" aria-hidden /> Insured
                      </span>
                    )}
                  </span>
                </span>
                <span className="shrink-0">{formatPrice(option.amount, currency)}</span>
              </span>
            }
          />
        ))}
      </RadioGroup>
    </FormControl>
  )
}
