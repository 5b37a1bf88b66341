import NotificationsActiveIcon from '@mui/icons-material/NotificationsActive'
import NotificationsOffIcon from '@mui/icons-material/NotificationsOff'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import Divider from '@mui/material/Divider'
import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import { Fragment, useState } from 'react'
import { Link as RouterLink } from 'react-router'

import { useGetCategoriesQuery } from '../../api/catalog'
import type { SavedSearch } from '../../api/types'
import { useDeleteSavedSearchMutation, useGetSavedSearchesQuery } from '../../api/watchlist'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorState } from '../../components/ErrorState'
import { LoadingState } from '../../components/LoadingState'
import { formatDate } from '../account/formatDate'
import { RequireSignIn } from '../auth/RequireSignIn'
import { AccountListLayout } from './AccountListLayout'
import { describeSavedQuery, savedSearchPath } from './savedSearchQuery'

/** `/account/saved-searches`: searches kept to run again, with new matches and alerts. */
export function SavedSearchesPage() {
  return (
    <RequireSignIn>
      <AccountListLayout title="Saved searches">
        <SavedSearches />
      </AccountListLayout>
    </RequireSignIn>
  )
}

function SavedSearches() {
  const { data: searches, isLoading, isError, error, refetch } = useGetSavedSearchesQuery()
  const { data: categories } = useGetCategoriesQuery()
  const [deleteSearch, deleteState] = useDeleteSavedSearchMutation()
  const [deleting, setDeleting] = useState<SavedSearch | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const categoryName = (slug: string) => categories?.find((category) => category.slug === slug)?.name ?? slug

  const confirmDelete = async () => {
    if (!deleting) return
    try {
      await deleteSearch(deleting.id).unwrap()
      setNotice(`“${deleting.name}” is deleted.`)
      setDeleting(null)
      deleteState.reset()
    } catch {
      // Shown in the dialog.
    }
  }

  if (isLoading) return <LoadingState label="Loading your saved searches" variant="list" count={3} />
  if (isError || !searches) return <ErrorState error={error} onRetry={() => void refetch()} />
  return (
    <>
      {notice && (
        <Alert severity="success" role="status" onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {searches.length === 0 ? (
        <Paper variant="outlined" className="p-6">
          <Typography>
            You have no saved searches. On a search page, press “Save this search” to run it again later and hear about
            new matches.
          </Typography>
        </Paper>
      ) : (
        <Paper variant="outlined" className="px-4">
          <ul aria-label="Saved searches" className="m-0 flex list-none flex-col p-0">
            {searches.map((search, index) => (
              <Fragment key={search.id}>
                {index > 0 && <Divider component="li" aria-hidden />}
                <li aria-label={search.name} className="flex flex-col gap-3 py-4 sm:flex-row sm:items-center">
                  <div className="flex min-w-0 flex-1 flex-col gap-1">
                    <div className="flex flex-wrap items-center gap-2">
                      <Typography component="h2" className="font-semibold break-words">
                        {search.name}
                      </Typography>
                      {search.new_matches > 0 && (
                        <Chip
                          size="small"
                          color="secondary"
                          label={`${search.new_matches} new ${search.new_matches === 1 ? 'match' : 'matches'}`}
                        />
                      )}
                    </div>
                    <Typography variant="body2" className="break-words">
                      {describeSavedQuery(search.query, categoryName)}
                    </Typography>
                    <Typography variant="body2" color="text.secondary" className="flex items-center gap-1">
                      {search.alerts ? (
                        <NotificationsActiveIcon fontSize="small" aria-hidden />
                      ) : (
                        <NotificationsOffIcon fontSize="small" aria-hidden />
                      )}
                      {search.alerts ? 'Alerts on' : 'Alerts off'} · saved {formatDate(search.created_at)}
                    </Typography>
                  </div>
                  <div className="flex shrink-0 flex-wrap gap-2">
                    <Button
                      variant="contained"
                      size="small"
                      component={RouterLink}
                      to={savedSearchPath(search.query)}
                      aria-label={`Show results for ${search.name}`}
                    >
                      Show results
                    </Button>
                    <Button
                      variant="outlined"
                      size="small"
                      color="error"
                      onClick={() => setDeleting(search)}
                      aria-label={`Delete ${search.name}`}
                    >
                      Delete
                    </Button>
                  </div>
                </li>
              </Fragment>
            ))}
          </ul>
        </Paper>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this saved search?"
        confirmLabel="Delete"
        busyLabel="Deleting…"
        busy={deleteState.isLoading}
        error={deleteState.error}
        onConfirm={() => void confirmDelete()}
        onClose={() => {
          setDeleting(null)
          deleteState.reset()
        }}
      >
        “{deleting?.name}” and its alerts will be deleted. The listings themselves stay.
      </ConfirmDialog>
    </>
  )
}
