import AccountCircleIcon from '@mui/icons-material/AccountCircle'
import Button from '@mui/material/Button'
import ListItemText from '@mui/material/ListItemText'
import Menu from '@mui/material/Menu'
import MenuItem from '@mui/material/MenuItem'
import { useId, useState } from 'react'
import { Link as RouterLink, useLocation, useNavigate } from 'react-router'

import { useAppDispatch, useAppSelector } from '../../app/hooks'
import { selectIsSignedIn } from '../auth/authSlice'
import { signInPath } from '../auth/safeNextPath'
import { signOut, useMe } from '../auth/session'

/** The header's account entry: "Sign in" when signed out; the display name and a menu when in. */
export function AccountMenu() {
  const signedIn = useAppSelector(selectIsSignedIn)
  const location = useLocation()
  if (!signedIn) {
    const onAuthPage = /^\/(sign-in|sign-up|forgot-password|reset-password)/.test(location.pathname)
    return (
      <Button
        component={RouterLink}
        to={onAuthPage ? '/sign-in' : signInPath(location.pathname + location.search)}
        color="inherit"
        startIcon={<AccountCircleIcon />}
        className="min-w-0"
      >
        Sign in
      </Button>
    )
  }
  return <SignedInMenu />
}

function SignedInMenu() {
  const dispatch = useAppDispatch()
  const navigate = useNavigate()
  const { data: me } = useMe()
  const [anchor, setAnchor] = useState<HTMLElement | null>(null)
  const [signingOut, setSigningOut] = useState(false)
  const menuId = useId()
  const name = me?.display_name ?? 'Account'

  const doSignOut = async () => {
    setAnchor(null)
    setSigningOut(true)
    await dispatch(signOut())
    void navigate('/')
  }

  return (
    <>
      <Button
        color="inherit"
        startIcon={<AccountCircleIcon />}
        aria-label={me ? `Account: ${me.display_name}` : 'Account'}
        aria-haspopup="true"
        aria-expanded={anchor !== null}
        aria-controls={anchor !== null ? menuId : undefined}
        disabled={signingOut}
        onClick={(event) => setAnchor(event.currentTarget)}
        className="min-w-0"
      >
        <span className="hidden max-w-40 truncate sm:inline">{name}</span>
      </Button>
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem component={RouterLink} to="/account" onClick={() => setAnchor(null)}>
          <ListItemText primary="Account" secondary={me?.email} />
        </MenuItem>
        <MenuItem component={RouterLink} to="/account/orders" onClick={() => setAnchor(null)}>
          Orders
        </MenuItem>
        <MenuItem component={RouterLink} to="/account/offers" onClick={() => setAnchor(null)}>
          Offers
        </MenuItem>
        {me?.dealer_id && [
          <MenuItem key="listings" component={RouterLink} to="/selling" onClick={() => setAnchor(null)}>
            My listings
          </MenuItem>,
          <MenuItem key="sales" component={RouterLink} to="/selling/sales" onClick={() => setAnchor(null)}>
            Sales
          </MenuItem>,
          <MenuItem key="payouts" component={RouterLink} to="/selling/payouts" onClick={() => setAnchor(null)}>
            Payouts
          </MenuItem>,
        ]}
        <MenuItem component={RouterLink} to="/account/watchlist" onClick={() => setAnchor(null)}>
          Watchlist
        </MenuItem>
        <MenuItem component={RouterLink} to="/account/saved-searches" onClick={() => setAnchor(null)}>
          Saved searches
        </MenuItem>
        <MenuItem component={RouterLink} to="/account/alerts" onClick={() => setAnchor(null)}>
          Alerts
        </MenuItem>
        <MenuItem onClick={() => void doSignOut()}>Sign out</MenuItem>
      </Menu>
    </>
  )
}
