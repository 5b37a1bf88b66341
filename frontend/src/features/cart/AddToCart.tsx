import AddShoppingCartIcon from '@mui/icons-material/AddShoppingCart'
import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Button from '@mui/material/Button'
import Link from '@mui/material/Link'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { useId, useState } from 'react'
import { Link as RouterLink } from 'react-router'

import { useAddToCartMutation } from '../../api/cart'
import { errorMessageOf, type ErrorMessage } from '../../api/problem'
import type { ProductDetail, ProductOption } from '../../api/types'
import { useAppDispatch, useAppSelector } from '../../app/hooks'
import { selectIsSignedIn } from '../auth/authSlice'
import { guestItemAdded, MAX_LINE_QUANTITY } from './guestCartSlice'

/** The most units offered in the quantity list at once. */
const QUANTITY_CHOICES = 30

/** Why a listing can't be added right now, or `null` when it can. */
export function unavailableReason(product: ProductDetail, option: ProductOption | null): string | null {
  if (product.status === 'removed') return 'This listing is no longer for sale.'
  if (product.status === 'reserved') return 'Reserved: another buyer is checking out the last units. It may come back.'
  if (product.status === 'sold_out') return 'Sold out.'
  if (product.options.length > 0 && option === null) return 'Choose an option first.'
  const stock = option ? option.quantity : product.quantity
  if (stock <= 0) return option ? 'This option is sold out.' : 'Sold out.'
  return null
}

type AddToCartProps = {
  product: ProductDetail
  /** The chosen option, for a listing that has options. */
  option: ProductOption | null
}

/**
 * Quantity and "Add to cart" on the product page: into the account's cart when signed in,
 * otherwise into the cart this browser keeps until sign-in. The caller hides it on the seller's own listing.
 */
export function AddToCart({ product, option }: AddToCartProps) {
  const dispatch = useAppDispatch()
  const signedIn = useAppSelector(selectIsSignedIn)
  const [addToCart, { isLoading }] = useAddToCartMutation()
  const [quantity, setQuantity] = useState(1)
  const [added, setAdded] = useState<string | null>(null)
  const [failure, setFailure] = useState<ErrorMessage | null>(null)
  const reasonId = useId()

  const reason = unavailableReason(product, option)
  const stock = option ? option.quantity : product.quantity
  const choices = Math.max(1, Math.min(stock, QUANTITY_CHOICES, MAX_LINE_QUANTITY))
  const chosen = Math.min(quantity, choices)

  const add = async () => {
    setAdded(null)
    setFailure(null)
    const units = `${chosen} × “${product.title}”${option ? ` (${option.name})` : ''}`
    if (!signedIn) {
      dispatch(
        guestItemAdded({
          product_id: product.id,
          option_id: option?.id ?? null,
          title: product.title,
          option_name: option?.name ?? null,
          seller: product.seller,
          quantity: chosen,
          unit_price: option?.price ?? product.price,
          currency: product.currency,
          available: stock,
          thumbnail_url: (product.images[0] ?? product.image)?.thumbnail_url ?? null,
        }),
      )
      setAdded(`${units} added to your cart.`)
      return
    }
    try {
      await addToCart({ product_id: product.id, ...(option ? { option_id: option.id } : {}), quantity: chosen }).unwrap()
      setAdded(`${units} added to your cart.`)
    } catch (caught) {
      setFailure(errorMessageOf(caught as Parameters<typeof errorMessageOf>[0]))
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <TextField
          select
          size="small"
          label="Quantity"
          value={String(chosen)}
          disabled={reason !== null}
          onChange={(event) => setQuantity(Number(event.target.value))}
          slotProps={{ select: { native: true } }}
          className="w-28"
        >
          {Array.from({ length: choices }, (_, index) => (
            <option key={index + 1} value={index + 1}>
              {index + 1}
            </option>
          ))}
        </TextField>
        <Button
          variant="contained"
          size="large"
          startIcon={<AddShoppingCartIcon />}
          disabled={reason !== null || isLoading}
          aria-describedby={reason ? reasonId : undefined}
          onClick={() => void add()}
        >
          {isLoading ? 'Adding…' : 'Add to cart'}
        </Button>
      </div>
      {reason && (
        <Typography id={reasonId} variant="body2" color="text.secondary">
          {reason}
        </Typography>
      )}
      {added && (
        <Alert
          severity="success"
          role="status"
          onClose={() => setAdded(null)}
          action={
            <Button component={RouterLink} to="/cart" color="inherit" size="small">
              View cart
            </Button>
          }
        >
          {added}
        </Alert>
      )}
      {failure && (
        <Alert severity="error" onClose={() => setFailure(null)}>
          <AlertTitle>{failure.title}</AlertTitle>
          {failure.detail}
        </Alert>
      )}
    </div>
  )
}

/** In place of the buying controls on the seller's own listing. */
export function OwnListingNote({ productId }: { productId: string }) {
  return (
    <Typography variant="body2" color="text.secondary">
      This is your listing.{' '}
      <Link component={RouterLink} to={`/selling/${encodeURIComponent(productId)}/edit`}>
        Edit it
      </Link>
    </Typography>
  )
}
