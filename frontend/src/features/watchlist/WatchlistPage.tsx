import TrendingDownIcon from '@mui/icons-material/TrendingDown'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import Divider from '@mui/material/Divider'
import Link from '@mui/material/Link'
import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import { Fragment, useState } from 'react'
import { Link as RouterLink } from 'react-router'

import { errorMessageOf } from '../../api/problem'
import type { WatchlistEntry } from '../../api/types'
import { useGetWatchlistInfiniteQuery, useUnwatchProductMutation } from '../../api/watchlist'
import { ErrorState } from '../../components/ErrorState'
import { LoadingState } from '../../components/LoadingState'
import { formatPrice } from '../../components/Price'
import { formatDate } from '../account/formatDate'
import { RequireSignIn } from '../auth/RequireSignIn'
import { STATUS_LABELS } from '../catalog/listingLabels'
import { productPath } from '../catalog/ProductCard'
import { AccountListLayout } from './AccountListLayout'
import { ListingThumb } from './ListingThumb'
import { LoadMore } from '../../components/LoadMore'

/** `/account/watchlist`: the listings the user watches, with price drops since they started. */
export function WatchlistPage() {
  return (
    <RequireSignIn>
      <AccountListLayout title="Watchlist">
        <Watchlist />
      </AccountListLayout>
    </RequireSignIn>
  )
}

function Watchlist() {
  const query = useGetWatchlistInfiniteQuery()
  const [unwatch, unwatchState] = useUnwatchProductMutation()
  const [notice, setNotice] = useState<{ severity: 'success' | 'error'; text: string } | null>(null)
  const entries = query.data?.pages.flatMap((page) => page.items) ?? []

  const remove = async (entry: WatchlistEntry) => {
    setNotice(null)
    try {
      await unwatch(entry.product.id).unwrap()
      setNotice({ severity: 'success', text: `“${entry.product.title}” is no longer on your watchlist.` })
    } catch (caught) {
      const message = errorMessageOf(caught as Parameters<typeof errorMessageOf>[0])
      setNotice({ severity: 'error', text: `“${entry.product.title}” was not removed: ${message.title}` })
    }
  }

  if (query.isLoading) return <LoadingState label="Loading your watchlist" variant="list" count={3} />
  if (query.isError && entries.length === 0) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />
  return (
    <>
      {notice && (
        <Alert severity={notice.severity} role={notice.severity === 'success' ? 'status' : 'alert'} onClose={() => setNotice(null)}>
          {notice.text}
        </Alert>
      )}
      {entries.length === 0 ? (
        <Paper variant="outlined" className="p-6">
          <Typography>
            You are not watching any listings. Press “Watch” on a listing to follow its price here.
          </Typography>
        </Paper>
      ) : (
        <Paper variant="outlined" className="px-4">
          <ul aria-label="Watched listings" className="m-0 flex list-none flex-col p-0">
            {entries.map((entry, index) => {
              const { product } = entry
              const busy = unwatchState.isLoading && unwatchState.originalArgs === product.id
              return (
                <Fragment key={product.id}>
                  {index > 0 && <Divider component="li" aria-hidden />}
                  <li aria-label={product.title} className="flex flex-col gap-3 py-4 sm:flex-row sm:items-center">
                    <div className="flex min-w-0 flex-1 gap-3">
                      <ListingThumb product={product} />
                      <div className="flex min-w-0 flex-col gap-1">
                        <Link component={RouterLink} to={productPath(product.id)} className="font-semibold break-words">
                          {product.title}
                        </Link>
                        <div className="flex flex-wrap items-center gap-2">
                          <Typography className="font-semibold">{formatPrice(product.price, product.currency)}</Typography>
                          {entry.status && entry.status !== 'active' && (
                            <Chip size="small" color="warning" variant="outlined" label={STATUS_LABELS[entry.status]} />
                          )}
                        </div>
                        {entry.price_dropped && (
                          <Typography variant="body2" color="success.main" className="flex items-center gap-1">
                            <TrendingDownIcon fontSize="small" aria-hidden />
                            Price dropped from {formatPrice(entry.price_when_added, product.currency)}
                          </Typography>
                        )}
                        <Typography variant="body2" color="text.secondary">
                          Watching since {formatDate(entry.added_at)}
                        </Typography>
                      </div>
                    </div>
                    <Button
                      variant="outlined"
                      size="small"
                      color="error"
                      disabled={busy}
                      onClick={() => void remove(entry)}
                      aria-label={`Stop watching ${product.title}`}
                      className="self-start sm:self-center"
                    >
                      Stop watching
                    </Button>
                  </li>
                </Fragment>
              )
            })}
          </ul>
        </Paper>
      )}
      <LoadMore query={query} />
    </>
  )
}
