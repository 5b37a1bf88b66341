import ShoppingCartIcon from '@mui/icons-material/ShoppingCart'
import Badge from '@mui/material/Badge'
import IconButton from '@mui/material/IconButton'
import { Link as RouterLink } from 'react-router'

import { useGetCartQuery } from '../../api/cart'
import { useAppSelector } from '../../app/hooks'
import { selectIsSignedIn } from '../auth/authSlice'
import { selectGuestCount } from './guestCartSlice'

/** The header's cart link, with the number of units in the cart (the account's, or this browser's). */
export function CartButton() {
  const signedIn = useAppSelector(selectIsSignedIn)
  const guestCount = useAppSelector(selectGuestCount)
  const { data: cart } = useGetCartQuery(undefined, { skip: !signedIn })
  const count = signedIn ? (cart?.count ?? 0) : guestCount
  return (
    <IconButton
      component={RouterLink}
      to="/cart"
      aria-label={count > 0 ? `Cart, ${count} ${count === 1 ? 'item' : 'items'}` : 'Cart'}
      color="inherit"
    >
      <Badge badgeContent={count} color="primary" max={99} aria-hidden>
        <ShoppingCartIcon />
      </Badge>
    </IconButton>
  )
}
