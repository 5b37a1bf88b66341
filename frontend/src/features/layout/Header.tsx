import AppBar from '@mui/material/AppBar'
import Toolbar from '@mui/material/Toolbar'
import Typography from '@mui/material/Typography'
import { Link as RouterLink } from 'react-router'

import { useAppSelector } from '../../app/hooks'
import { selectIsSignedIn } from '../auth/authSlice'
import { CartButton } from '../cart/CartButton'
import { CategoryMenu } from '../catalog/CategoryMenu'
import { NotificationBell } from '../notifications/NotificationBell'
import { AccountMenu } from './AccountMenu'
import { SearchBox } from './SearchBox'

/**
 * One row on tablets and up (logo, search, categories, cart, account); on phones the
 * search drops to its own full-width second row. The DOM order is the visual order on
 * wide screens, so keyboard focus follows what a person sees.
 */
export function Header() {
  const signedIn = useAppSelector(selectIsSignedIn)
  return (
    <AppBar position="sticky" color="inherit" sx={{ borderBottom: 1, borderColor: 'divider' }}>
      <Toolbar className="mx-auto w-full max-w-7xl flex-wrap gap-x-2 gap-y-2 py-2">
        <Typography
          component={RouterLink}
          to="/"
          variant="h6"
          color="primary"
          className="order-1 font-extrabold tracking-tight no-underline"
          aria-label="TechMarket home"
        >
          TechMarket
        </Typography>
        <SearchBox className="order-3 w-full sm:order-2 sm:mx-4 sm:w-auto sm:flex-1" />
        <nav aria-label="Shop" className="order-2 ml-auto flex items-center gap-1 sm:order-3 sm:ml-0">
          <CategoryMenu />
          <CartButton />
          {signedIn && <NotificationBell />}
          <AccountMenu />
        </nav>
      </Toolbar>
    </AppBar>
  )
}
