import FavoriteIcon from '@mui/icons-material/Favorite'
import FavoriteBorderIcon from '@mui/icons-material/FavoriteBorder'
import Button from '@mui/material/Button'
import Typography from '@mui/material/Typography'
import { useState } from 'react'
import { useLocation, useNavigate } from 'react-router'

import { errorMessageOf } from '../../api/problem'
import { useGetWatchlistInfiniteQuery, useUnwatchProductMutation, useWatchProductMutation } from '../../api/watchlist'
import { useAppSelector } from '../../app/hooks'
import { selectIsSignedIn } from '../auth/authSlice'
import { signInPath } from '../auth/safeNextPath'

/**
 * "Watch": keeps the listing on the watchlist (price drops are reported there). Signed out, it
 * sends the person to sign in and back here.
 */
export function WatchButton({ productId }: { productId: string }) {
  const signedIn = useAppSelector(selectIsSignedIn)
  const navigate = useNavigate()
  const location = useLocation()
  const watchlist = useGetWatchlistInfiniteQuery(undefined, { skip: !signedIn })
  const [watch, watchState] = useWatchProductMutation()
  const [unwatch, unwatchState] = useUnwatchProductMutation()
  // What the last click made it, until the refetched watchlist says so too.
  const [override, setOverride] = useState<boolean | null>(null)
  const [message, setMessage] = useState('')
  const listed = watchlist.data?.pages.some((page) => page.items.some((entry) => entry.product.id === productId)) ?? false
  const watched = override ?? listed
  const busy = watchState.isLoading || unwatchState.isLoading

  const toggle = async () => {
    if (!signedIn) {
      void navigate(signInPath(location.pathname + location.search))
      return
    }
    try {
      if (watched) {
        await unwatch(productId).unwrap()
        setMessage('Removed from your watchlist.')
      } else {
        await watch(productId).unwrap()
        setMessage('Added to your watchlist.')
      }
      setOverride(!watched)
    } catch (caught) {
      setMessage(`Your watchlist was not changed: ${errorMessageOf(caught as Parameters<typeof errorMessageOf>[0]).title}`)
    }
  }

  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        variant="outlined"
        startIcon={watched ? <FavoriteIcon /> : <FavoriteBorderIcon />}
        aria-pressed={signedIn ? watched : undefined}
        disabled={busy}
        onClick={() => void toggle()}
      >
        Watch
      </Button>
      <Typography role="status" variant="body2" color="text.secondary">
        {message}
      </Typography>
    </div>
  )
}
