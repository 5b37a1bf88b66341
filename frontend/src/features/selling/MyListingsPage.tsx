import AddIcon from '@mui/icons-material/Add'
import ImageNotSupportedIcon from '@mui/icons-material/ImageNotSupported'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import Divider from '@mui/material/Divider'
import Link from '@mui/material/Link'
import Paper from '@mui/material/Paper'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { Fragment, useState } from 'react'
import { Link as RouterLink, useSearchParams } from 'react-router'

import { useDeleteProductMutation, useGetMyProductsInfiniteQuery } from '../../api/catalog'
import { PRODUCT_STATUSES, type ProductDetail, type ProductStatus } from '../../api/types'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorState } from '../../components/ErrorState'
import { LoadingState } from '../../components/LoadingState'
import { formatPrice } from '../../components/Price'
import { STATUS_LABELS, VISIBILITY_LABELS } from '../catalog/listingLabels'
import { productPath } from '../catalog/ProductCard'
import { RequireStore } from './RequireStore'
import { SellingNav } from './SellingNav'

export const editListingPath = (id: string) => `/selling/${encodeURIComponent(id)}/edit`

const isStatus = (value: string | null): value is ProductStatus =>
  (PRODUCT_STATUSES as readonly (string | null)[]).includes(value)

const STATUS_COLORS: Record<ProductStatus, 'success' | 'warning' | 'default' | 'error'> = {
  active: 'success',
  reserved: 'warning',
  sold_out: 'default',
  removed: 'error',
}

/** `/selling?status=…`: every listing of the seller's store, drafts and removed ones included. */
export function MyListingsPage() {
  return (
    <RequireStore>
      <MyListings />
    </RequireStore>
  )
}

function MyListings() {
  const [searchParams, setSearchParams] = useSearchParams()
  const requested = searchParams.get('status')
  const status = isStatus(requested) ? requested : undefined
  const query = useGetMyProductsInfiniteQuery({ status })
  const [deleteProduct, deleteState] = useDeleteProductMutation()
  const [removing, setRemoving] = useState<ProductDetail | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const listings = query.data?.pages.flatMap((page) => page.items) ?? []

  const confirmRemove = async () => {
    if (!removing) return
    try {
      await deleteProduct(removing.id).unwrap()
      setNotice(`“${removing.title}” is removed from the market.`)
      setRemoving(null)
      deleteState.reset()
    } catch {
      // Shown in the dialog.
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <title>My listings · TechMarket</title>
      <SellingNav />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Typography variant="h1">My listings</Typography>
        <Button variant="contained" startIcon={<AddIcon />} component={RouterLink} to="/selling/new">
          New listing
        </Button>
      </div>
      <TextField
        select
        size="small"
        label="Status"
        value={status ?? ''}
        onChange={(event) => {
          setNotice(null)
          setSearchParams(event.target.value ? { status: event.target.value } : {}, { replace: true })
        }}
        slotProps={{ select: { native: true } }}
        className="w-full sm:w-60"
      >
        <option value="">All listings</option>
        {PRODUCT_STATUSES.map((value) => (
          <option key={value} value={value}>
            {STATUS_LABELS[value]}
          </option>
        ))}
      </TextField>
      {notice && (
        <Alert severity="success" role="status" onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      <Paper variant="outlined" component="section" aria-label="Listings" aria-busy={query.isFetching} className="px-4">
        {query.isLoading ? (
          <div className="py-4">
            <LoadingState label="Loading your listings" variant="list" count={3} />
          </div>
        ) : query.isError && listings.length === 0 ? (
          <div className="py-4">
            <ErrorState error={query.error} onRetry={() => void query.refetch()} />
          </div>
        ) : listings.length === 0 ? (
          <Typography className="py-6">
            {status ? `You have no ${STATUS_LABELS[status].toLowerCase()} listings.` : 'You have no listings yet.'}
          </Typography>
        ) : (
          <ul className="m-0 flex list-none flex-col p-0">
            {listings.map((listing, index) => (
              <Fragment key={listing.id}>
                {index > 0 && <Divider component="li" aria-hidden />}
                <ListingRow listing={listing} onRemove={() => setRemoving(listing)} />
              </Fragment>
            ))}
          </ul>
        )}
      </Paper>
      {query.isFetchNextPageError && <ErrorState error={query.error} onRetry={() => void query.fetchNextPage()} />}
      {query.hasNextPage && (
        <Button
          variant="outlined"
          className="self-center"
          loading={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          Load more
        </Button>
      )}
      <ConfirmDialog
        open={removing !== null}
        title="Remove this listing?"
        confirmLabel="Remove"
        busyLabel="Removing…"
        busy={deleteState.isLoading}
        error={deleteState.error}
        onConfirm={() => void confirmRemove()}
        onClose={() => {
          setRemoving(null)
          deleteState.reset()
        }}
      >
        “{removing?.title}” will no longer be for sale or found by buyers. It stays here, marked as removed.
      </ConfirmDialog>
    </div>
  )
}

function ListingRow({ listing, onRemove }: { listing: ProductDetail; onRemove: () => void }) {
  const thumbnail = listing.images[0] ?? listing.image
  return (
    <li aria-label={listing.title} className="flex flex-col gap-3 py-4 sm:flex-row sm:items-center">
      <div className="flex min-w-0 flex-1 gap-3">
        {thumbnail ? (
          <img
            src={thumbnail.thumbnail_url}
            alt=""
            width={72}
            height={72}
            loading="lazy"
            className="h-18 w-18 shrink-0 rounded-lg bg-slate-100 object-cover"
          />
        ) : (
          <div
            aria-hidden
            className="flex h-18 w-18 shrink-0 items-center justify-center rounded-lg bg-slate-100 text-slate-400"
          >
            <ImageNotSupportedIcon />
          </div>
        )}
        <div className="flex min-w-0 flex-col gap-1">
          <Link component={RouterLink} to={productPath(listing.id)} className="font-semibold break-words" underline="hover">
            {listing.title}
          </Link>
          <Typography variant="body2" color="text.secondary">
            {formatPrice(listing.price, listing.currency)} ·{' '}
            {listing.quantity > 0 ? `${listing.quantity} in stock` : 'Out of stock'}
          </Typography>
          <div className="flex flex-wrap gap-1">
            <Chip size="small" label={STATUS_LABELS[listing.status]} color={STATUS_COLORS[listing.status]} variant="outlined" />
            <Chip size="small" label={VISIBILITY_LABELS[listing.visibility]} variant="outlined" />
          </div>
        </div>
      </div>
      <div className="flex shrink-0 flex-wrap gap-2">
        <Button size="small" variant="outlined" component={RouterLink} to={productPath(listing.id)} aria-label={`View ${listing.title}`}>
          View
        </Button>
        <Button size="small" variant="outlined" component={RouterLink} to={editListingPath(listing.id)} aria-label={`Edit ${listing.title}`}>
          Edit
        </Button>
        {listing.status !== 'removed' && (
          <Button size="small" variant="outlined" color="error" onClick={onRemove} aria-label={`Remove ${listing.title}`}>
            Remove
          </Button>
        )}
      </div>
    </li>
  )
}
