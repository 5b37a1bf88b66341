import AddPhotoAlternateIcon from '@mui/icons-material/AddPhotoAlternate'
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward'
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward'
import CloseIcon from '@mui/icons-material/Close'
import DeleteIcon from '@mui/icons-material/Delete'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import IconButton from '@mui/material/IconButton'
import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react'

import {
  useDeleteProductImageMutation,
  useReorderProductImagesMutation,
  useUploadProductImageMutation,
} from '../../api/catalog'
import { errorMessageOf } from '../../api/problem'
import type { ImageUrls, ProductDetail } from '../../api/types'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorState } from '../../components/ErrorState'
import { useFocusAfterRender } from '../auth/formErrors'

type PendingPhoto = { key: string; file: File; previewUrl: string | null; error?: string }

const ACCEPTED = 'image/jpeg,image/png,image/webp'
let pendingKeys = 0

/** jsdom and very old browsers have no object URLs: the preview then shows the file name only. */
function previewUrlOf(file: File): string | null {
  return typeof URL.createObjectURL === 'function' ? URL.createObjectURL(file) : null
}

function revoke(url: string | null) {
  if (url && typeof URL.revokeObjectURL === 'function') URL.revokeObjectURL(url)
}

/**
 * The photos of a saved listing: add (previewed before upload), delete, and put in order with
 * "Move up"/"Move down" buttons. The first photo is the one search results show.
 */
export function ListingImages({ product }: { product: ProductDetail }) {
  const baseId = useId()
  const headingId = `${baseId}-heading`
  const fileInput = useRef<HTMLInputElement>(null)
  const [pending, setPending] = useState<PendingPhoto[]>([])
  const [announcement, setAnnouncement] = useState('')
  const [failure, setFailure] = useState<string | null>(null)
  const [deleting, setDeleting] = useState<{ image: ImageUrls; position: number } | null>(null)
  const [uploadImage, uploadState] = useUploadProductImageMutation()
  const [reorder] = useReorderProductImagesMutation()
  const [deleteImage, deleteState] = useDeleteProductImageMutation()
  const focusLater = useFocusAfterRender()
  const images = product.images
  const count = images.length

  // Object URLs live until the page goes away.
  const pendingRef = useRef(pending)
  useEffect(() => {
    pendingRef.current = pending
  })
  useEffect(() => () => pendingRef.current.forEach((photo) => revoke(photo.previewUrl)), [])

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? [])
    event.target.value = ''
    setFailure(null)
    setPending((current) => [
      ...current,
      ...files.map((file) => ({ key: `photo-${++pendingKeys}`, file, previewUrl: previewUrlOf(file) })),
    ])
  }

  const dropPending = (key: string) =>
    setPending((current) => {
      revoke(current.find((photo) => photo.key === key)?.previewUrl ?? null)
      return current.filter((photo) => photo.key !== key)
    })

  const upload = async () => {
    setFailure(null)
    let uploaded = 0
    for (const photo of pending) {
      try {
        await uploadImage({ id: product.id, file: photo.file }).unwrap()
        uploaded += 1
        dropPending(photo.key)
      } catch (caught) {
        const message = errorMessageOf(caught as Parameters<typeof errorMessageOf>[0])
        setPending((current) =>
          current.map((entry) =>
            entry.key === photo.key ? { ...entry, error: [message.title, message.detail].filter(Boolean).join(': ') } : entry,
          ),
        )
      }
    }
    if (uploaded > 0) setAnnouncement(`${uploaded} ${uploaded === 1 ? 'photo' : 'photos'} uploaded.`)
  }

  const move = async (from: number, to: number) => {
    const image = images[from]
    if (!image || to < 0 || to >= count) return
    const ids = images.map((entry) => entry.id)
    ids.splice(from, 1)
    ids.splice(to, 0, image.id)
    setFailure(null)
    setAnnouncement(`Photo moved to position ${to + 1} of ${count}.`)
    // The moved photo's button keeps the focus; at either end, its other arrow takes it.
    const direction = to < from ? 'up' : 'down'
    const atEnd = to === 0 || to === count - 1
    focusLater(`${baseId}-${image.id}-${atEnd ? (direction === 'up' ? 'down' : 'up') : direction}`)
    try {
      await reorder({ id: product.id, imageIds: ids }).unwrap()
    } catch (caught) {
      setAnnouncement('')
      setFailure(`The new order was not saved: ${errorMessageOf(caught as Parameters<typeof errorMessageOf>[0]).title}`)
    }
  }

  const confirmDelete = async () => {
    if (!deleting) return
    try {
      await deleteImage({ id: product.id, imageId: deleting.image.id }).unwrap()
      setAnnouncement(`Photo ${deleting.position} deleted.`)
      setDeleting(null)
      deleteState.reset()
    } catch {
      // Shown in the dialog.
    }
  }

  return (
    <Paper variant="outlined" component="section" aria-labelledby={headingId} className="flex flex-col gap-4 p-4 sm:p-6">
      <Typography id={headingId} variant="h2" className="text-xl">
        Photos
      </Typography>
      <Typography variant="body2" color="text.secondary">
        The first photo is the one buyers see in search results. Show the item from every side, and any marks
        you describe.
      </Typography>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {failure && <Alert severity="error">{failure}</Alert>}
      {count === 0 ? (
        <Typography>No photos yet.</Typography>
      ) : (
        <ol aria-label="Photos of this listing" className="m-0 flex list-none flex-col gap-2 p-0">
          {images.map((image, index) => {
            const position = index + 1
            return (
              <li
                key={image.id}
                aria-label={`Photo ${position} of ${count}`}
                className="flex items-center gap-3 rounded-lg border border-solid border-slate-200 p-2"
              >
                <img
                  src={image.thumbnail_url}
                  alt={`${product.title}, photo ${position}`}
                  width={80}
                  height={60}
                  className="h-15 w-20 shrink-0 rounded bg-slate-100 object-cover"
                />
                <Typography className="flex-1" variant="body2">
                  Photo {position}
                  {index === 0 && ' · cover'}
                </Typography>
                <IconButton
                  id={`${baseId}-${image.id}-up`}
                  aria-label={`Move photo ${position} up`}
                  disabled={index === 0}
                  onClick={() => void move(index, index - 1)}
                >
                  <ArrowUpwardIcon />
                </IconButton>
                <IconButton
                  id={`${baseId}-${image.id}-down`}
                  aria-label={`Move photo ${position} down`}
                  disabled={index === count - 1}
                  onClick={() => void move(index, index + 1)}
                >
                  <ArrowDownwardIcon />
                </IconButton>
                <IconButton
                  aria-label={`Delete photo ${position}`}
                  color="error"
                  onClick={() => setDeleting({ image, position })}
                >
                  <DeleteIcon />
                </IconButton>
              </li>
            )
          })}
        </ol>
      )}

      {pending.length > 0 && (
        <div className="flex flex-col gap-2">
          <Typography component="h3" className="font-semibold">
            Ready to upload
          </Typography>
          <ul aria-label="Photos to upload" className="m-0 flex list-none flex-wrap gap-3 p-0">
            {pending.map((photo) => (
              <li key={photo.key} aria-label={photo.file.name} className="flex w-36 flex-col gap-1">
                <div className="relative">
                  {photo.previewUrl ? (
                    <img
                      src={photo.previewUrl}
                      alt={`Preview of ${photo.file.name}`}
                      className="aspect-[4/3] w-full rounded bg-slate-100 object-cover"
                    />
                  ) : (
                    <div className="flex aspect-[4/3] w-full items-center justify-center rounded bg-slate-100 p-1 text-center text-xs">
                      {photo.file.name}
                    </div>
                  )}
                  <IconButton
                    size="small"
                    aria-label={`Don't upload ${photo.file.name}`}
                    onClick={() => dropPending(photo.key)}
                    disabled={uploadState.isLoading}
                    className="absolute top-1 right-1 bg-white/90"
                  >
                    <CloseIcon fontSize="small" />
                  </IconButton>
                </div>
                <Typography variant="caption" className="truncate">
                  {photo.file.name}
                </Typography>
                {photo.error && (
                  <Typography variant="caption" color="error">
                    {photo.error}
                  </Typography>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="flex flex-wrap gap-2">
        <input ref={fileInput} type="file" accept={ACCEPTED} multiple hidden aria-label="Choose photos" onChange={choose} />
        <Button variant="outlined" startIcon={<AddPhotoAlternateIcon />} onClick={() => fileInput.current?.click()}>
          Add photos
        </Button>
        {pending.length > 0 && (
          <Button variant="contained" disabled={uploadState.isLoading} onClick={() => void upload()}>
            {uploadState.isLoading
              ? 'Uploading…'
              : `Upload ${pending.length} ${pending.length === 1 ? 'photo' : 'photos'}`}
          </Button>
        )}
      </div>
      {uploadState.isError && pending.length === 0 && <ErrorState error={uploadState.error} />}

      <ConfirmDialog
        open={deleting !== null}
        title="Delete this photo?"
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
        {deleting && (
          <span className="flex flex-col gap-2">
            <img
              src={deleting.image.thumbnail_url}
              alt=""
              className="h-24 w-32 rounded object-cover"
            />
            Photo {deleting.position} will be deleted from the listing.
          </span>
        )}
      </ConfirmDialog>
    </Paper>
  )
}
