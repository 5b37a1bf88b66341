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
import type { UserAlert } from '../../api/types'
import { useGetAlertsInfiniteQuery, useGetSavedSearchesQuery, useMarkAlertsReadMutation } from '../../api/watchlist'
import { ErrorState } from '../../components/ErrorState'
import { LoadingState } from '../../components/LoadingState'
import { formatPrice } from '../../components/Price'
import { formatDateTime } from '../account/formatDate'
import { RequireSignIn } from '../auth/RequireSignIn'
import { productPath } from '../catalog/ProductCard'
import { AccountListLayout } from './AccountListLayout'
import { ListingThumb } from './ListingThumb'
import { LoadMore } from '../../components/LoadMore'

/** `/account/alerts`: price drops on watched listings and new matches of saved searches. */
export function AlertsPage() {
  return (
    <RequireSignIn>
      <Alerts />
    </RequireSignIn>
  )
}

function Alerts() {
  const query = useGetAlertsInfiniteQuery()
  const { data: savedSearches } = useGetSavedSearchesQuery()
  const [markRead, markState] = useMarkAlertsReadMutation()
  const [notice, setNotice] = useState<{ severity: 'success' | 'error'; text: string } | null>(null)
  const alerts = query.data?.pages.flatMap((page) => page.items) ?? []
  // The server counts every unread alert; the pages loaded so far are the fallback.
  const unread = query.data?.pages[0]?.unread ?? alerts.filter((alert) => !alert.read).length

  const what = (alert: UserAlert) => {
    if (alert.kind === 'price_drop') return 'Price drop on a watched listing'
    const search = savedSearches?.find((entry) => entry.id === alert.saved_search_id)
    return search ? `New match for “${search.name}”` : 'New match for a saved search'
  }

  const markAllRead = async () => {
    setNotice(null)
    try {
      await markRead().unwrap()
      setNotice({ severity: 'success', text: 'All alerts are marked as read.' })
    } catch (caught) {
      const message = errorMessageOf(caught as Parameters<typeof errorMessageOf>[0])
      setNotice({ severity: 'error', text: `The alerts were not marked as read: ${message.title}` })
    }
  }

  return (
    <AccountListLayout
      title="Alerts"
      action={
        <Button variant="outlined" disabled={unread === 0 || markState.isLoading} onClick={() => void markAllRead()}>
          Mark all as read
        </Button>
      }
    >
      {notice && (
        <Alert severity={notice.severity} role={notice.severity === 'success' ? 'status' : 'alert'} onClose={() => setNotice(null)}>
          {notice.text}
        </Alert>
      )}
      {query.isLoading ? (
        <LoadingState label="Loading your alerts" variant="list" count={3} />
      ) : query.isError && alerts.length === 0 ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : alerts.length === 0 ? (
        <Paper variant="outlined" className="p-6">
          <Typography>
            No alerts yet. Watch listings to hear about price drops, and turn on alerts for saved searches to hear about
            new matches.
          </Typography>
        </Paper>
      ) : (
        <>
          <Typography color="text.secondary">
            {unread === 0 ? 'You have read every alert.' : `${unread} unread ${unread === 1 ? 'alert' : 'alerts'}.`}
          </Typography>
          <Paper variant="outlined" className="px-4">
            <ul aria-label="Alerts" className="m-0 flex list-none flex-col p-0">
              {alerts.map((alert, index) => (
                <Fragment key={alert.id}>
                  {index > 0 && <Divider component="li" aria-hidden />}
                  <li className="flex gap-3 py-4">
                    <ListingThumb product={alert.product} />
                    <div className="flex min-w-0 flex-1 flex-col gap-1">
                      <div className="flex flex-wrap items-center gap-2">
                        {!alert.read && <Chip size="small" color="primary" label="New" />}
                        <Typography variant="body2" className={alert.read ? undefined : 'font-semibold'}>
                          {what(alert)}
                        </Typography>
                      </div>
                      <Link component={RouterLink} to={productPath(alert.product.id)} className="break-words">
                        {alert.product.title}
                      </Link>
                      <Typography variant="body2" color="text.secondary">
                        {formatPrice(alert.product.price, alert.product.currency)} · {formatDateTime(alert.created_at)}
                      </Typography>
                    </div>
                  </li>
                </Fragment>
              ))}
            </ul>
          </Paper>
        </>
      )}
      <LoadMore query={query} />
    </AccountListLayout>
  )
}
