import List from '@mui/material/List'
import ListItem from '@mui/material/ListItem'
import ListItemText from '@mui/material/ListItemText'
import Typography from '@mui/material/Typography'

import type { ProductOption } from '../../api/types'
import { formatPrice } from '../../components/Price'

/** The variants a listing comes in (storage, colour…), each with its own price and stock. */
export function ProductOptions({ options, currency }: { options: readonly ProductOption[]; currency: string }) {
  if (options.length === 0) return null
  return (
    <section aria-labelledby="product-options-heading">
      <Typography id="product-options-heading" variant="h3" component="h2" gutterBottom>
        Options
      </Typography>
      <List dense disablePadding className="rounded-lg border border-solid border-slate-200">
        {options.map((option) => (
          <ListItem key={option.id} divider secondaryAction={<span className="font-semibold">{formatPrice(option.price, currency)}</span>}>
            <ListItemText
              primary={option.name}
              secondary={option.quantity > 0 ? `${option.quantity} in stock` : 'Out of stock'}
            />
          </ListItem>
        ))}
      </List>
    </section>
  )
}
