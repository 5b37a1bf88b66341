import AddIcon from '@mui/icons-material/Add'
import ImageNotSupportedIcon from '@mui/icons-material/ImageNotSupported'
import RemoveIcon from '@mui/icons-material/Remove'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import IconButton from '@mui/material/IconButton'
import Link from '@mui/material/Link'
import Typography from '@mui/material/Typography'
import { Link as RouterLink } from 'react-router'

import type { CartLine } from '../../api/types'
import { formatPrice } from '../../components/Price'
import { productPath } from '../catalog/ProductCard'
import { lineTitle } from './cartText'
import { MAX_LINE_QUANTITY } from './guestCartSlice'

type CartLineRowProps = {
  line: CartLine
  /** A change to this line is on its way. */
  busy?: boolean
  onQuantity: (quantity: number) => void
  onRemove: () => void
  /** Only for the account's cart (a guest cart knows no price changes). */
  onAcceptPrice?: () => void
}

/** One line of the cart: photo, title, option, price, a quantity stepper, and what changed with its fix. */
export function CartLineRow({ line, busy = false, onQuantity, onRemove, onAcceptPrice }: CartLineRowProps) {
  const title = lineTitle(line)
  const gone = line.problems.includes('unavailable') || line.problems.includes('sold_out')
  const fixedQuantity = Boolean(line.offer_id)
  const maxQuantity = Math.min(Math.max(line.available, 1), MAX_LINE_QUANTITY)
  const hasProblems = line.problems.length > 0

  return (
    <li aria-label={title} aria-busy={busy} className="flex flex-col gap-3 py-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <div className="flex min-w-0 flex-1 gap-3">
          {line.thumbnail_url ? (
            <img
              src={line.thumbnail_url}
              alt=""
              width={72}
              height={72}
              loading="lazy"
              className="h-18 w-18 shrink-0 rounded-lg bg-slate-100 object-cover"
            />
          ) : (
            <div aria-hidden className="flex h-18 w-18 shrink-0 items-center justify-center rounded-lg bg-slate-100 text-slate-400">
              <ImageNotSupportedIcon />
            </div>
          )}
          <div className="flex min-w-0 flex-col gap-0.5">
            {line.title ? (
              <Link component={RouterLink} to={productPath(line.product_id)} className="font-semibold break-words" underline="hover">
                {line.title}
              </Link>
            ) : (
              <Typography className="font-semibold">{title}</Typography>
            )}
            {line.option_name && (
              <Typography variant="body2" color="text.secondary">
                {line.option_name}
              </Typography>
            )}
            <Typography variant="body2">
              {formatPrice(line.unit_price, line.currency)} each
              {fixedQuantity && ' · the price agreed in your offer'}
            </Typography>
          </div>
        </div>
        <div className="flex items-center justify-between gap-4 sm:justify-end">
          {fixedQuantity || gone ? (
            <Typography variant="body2">Quantity {line.quantity}</Typography>
          ) : (
            <div role="group" aria-label={`Quantity of ${title}`} className="flex items-center gap-1">
              <IconButton
                size="small"
                aria-label={`Decrease quantity of ${title}`}
                disabled={busy || line.quantity <= 1}
                onClick={() => onQuantity(line.quantity - 1)}
                className="border border-solid border-slate-300"
              >
                <RemoveIcon fontSize="small" />
              </IconButton>
              <span aria-live="polite" className="min-w-8 text-center font-semibold">
                {line.quantity}
              </span>
              <IconButton
                size="small"
                aria-label={`Increase quantity of ${title}`}
                disabled={busy || line.quantity >= maxQuantity}
                onClick={() => onQuantity(line.quantity + 1)}
                className="border border-solid border-slate-300"
              >
                <AddIcon fontSize="small" />
              </IconButton>
            </div>
          )}
          <Typography className="min-w-24 text-right font-semibold">{formatPrice(line.line_total, line.currency)}</Typography>
          <Button size="small" color="error" disabled={busy} onClick={onRemove} aria-label={`Remove ${title}`}>
            Remove
          </Button>
        </div>
      </div>
      {hasProblems && (
        <div className="flex flex-col gap-2">
          {line.problems.map((problem) => (
            <LineProblemNote
              key={problem}
              problem={problem}
              line={line}
              busy={busy}
              onAcceptPrice={onAcceptPrice}
              onQuantity={onQuantity}
              onRemove={onRemove}
            />
          ))}
        </div>
      )}
    </li>
  )
}

function LineProblemNote({
  problem,
  line,
  busy,
  onAcceptPrice,
  onQuantity,
  onRemove,
}: {
  problem: CartLine['problems'][number]
  line: CartLine
  busy: boolean
  onAcceptPrice?: () => void
  onQuantity: (quantity: number) => void
  onRemove: () => void
}) {
  const action = (label: string, onClick: () => void) => (
    <Button color="inherit" size="small" variant="outlined" disabled={busy} onClick={onClick} className="shrink-0">
      {label}
    </Button>
  )
  switch (problem) {
    case 'price_changed': {
      const went = line.unit_price < line.price_when_added ? 'went down' : 'went up'
      return (
        <Alert severity="warning" action={onAcceptPrice && action('Accept the new price', onAcceptPrice)}>
          The price {went} from {formatPrice(line.price_when_added, line.currency)} to {formatPrice(line.unit_price, line.currency)}{' '}
          since you added it. Accept the new price to check out, or remove the line.
        </Alert>
      )
    }
    case 'not_enough_stock':
      return (
        <Alert severity="warning" action={action(`Lower to ${line.available}`, () => onQuantity(line.available))}>
          Only {line.available} left, and you have {line.quantity} in your cart. Lower the quantity to {line.available} to
          check out.
        </Alert>
      )
    case 'sold_out':
      return (
        <Alert severity="error" action={action('Remove', onRemove)}>
          Sold out for now; it may come back. Remove it to check out the rest of your cart.
        </Alert>
      )
    case 'unavailable':
      return (
        <Alert severity="error" action={action('Remove', onRemove)}>
          This listing is no longer for sale. Remove it to check out the rest of your cart.
        </Alert>
      )
  }
}
