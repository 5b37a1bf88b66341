import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogTitle from '@mui/material/DialogTitle'
import FormControl from '@mui/material/FormControl'
import FormControlLabel from '@mui/material/FormControlLabel'
import FormHelperText from '@mui/material/FormHelperText'
import FormLabel from '@mui/material/FormLabel'
import Radio from '@mui/material/Radio'
import RadioGroup from '@mui/material/RadioGroup'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { useTheme } from '@mui/material/styles'
import useMediaQuery from '@mui/material/useMediaQuery'
import { useId, useRef, useState, type FormEvent } from 'react'

import { useAddDisputePhotoMutation, useOpenDisputeMutation } from '../../api/orders'
import { errorMessageOf } from '../../api/problem'
import type { Dispute, DisputeReason, Order } from '../../api/types'
import { FormAlert } from '../auth/FormAlert'
import { useFormErrors } from '../auth/formErrors'

const FIELDS = ['reason', 'statement', 'file'] as const
/** The most photos sent with a dispute from here. */
export const MAX_DISPUTE_PHOTOS = 5
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp']

type DisputeDialogProps = {
  order: Order | null
  onClose: () => void
  /** The dispute opened; `photoProblems` names photos that could not be added. */
  onOpened: (dispute: Dispute, photoProblems: string[]) => void
}

/** The buyer opens a dispute: a reason, what went wrong, and photos if they help. */
export function DisputeDialog({ order, onClose, onOpened }: DisputeDialogProps) {
  const theme = useTheme()
  const phone = useMediaQuery(theme.breakpoints.down('sm'))
  const titleId = useId()
  return (
    <Dialog open={order !== null} onClose={onClose} fullScreen={phone} fullWidth maxWidth="sm" aria-labelledby={titleId}>
      {order && <DisputeForm titleId={titleId} order={order} onClose={onClose} onOpened={onOpened} />}
    </Dialog>
  )
}

function DisputeForm({ titleId, order, onClose, onOpened }: DisputeDialogProps & { order: Order; titleId: string }) {
  const [openDispute, openState] = useOpenDisputeMutation()
  const [addPhoto, photoState] = useAddDisputePhotoMutation()
  const [reason, setReason] = useState<DisputeReason | ''>('')
  const [statement, setStatement] = useState('')
  const [photos, setPhotos] = useState<File[]>([])
  const form = useFormErrors(FIELDS)
  const reasonLabelId = useId()
  const fileInput = useRef<HTMLInputElement>(null)
  const busy = openState.isLoading || photoState.isLoading

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const problems: Partial<Record<(typeof FIELDS)[number], string[]>> = {}
    if (!reason) problems.reason = ['Choose what went wrong.']
    if (!statement.trim()) problems.statement = ['Tell the seller and TechMarket what happened.']
    if (photos.length > MAX_DISPUTE_PHOTOS) problems.file = [`Choose up to ${MAX_DISPUTE_PHOTOS} photos.`]
    else if (photos.some((photo) => !PHOTO_TYPES.includes(photo.type))) problems.file = ['Photos must be JPEG, PNG or WebP.']
    if (Object.keys(problems).length > 0 || !reason) {
      form.show(problems, null)
      return
    }
    form.clear()
    let dispute: Dispute
    try {
      dispute = await openDispute({ orderId: order.id, dispute: { reason, statement: statement.trim() } }).unwrap()
    } catch (error) {
      form.showProblem(error)
      return
    }
    const photoProblems: string[] = []
    for (const photo of photos) {
      try {
        dispute = await addPhoto({ disputeId: dispute.id, file: photo }).unwrap()
      } catch (error) {
        photoProblems.push(`${photo.name}: ${errorMessageOf(error as Parameters<typeof errorMessageOf>[0]).title}`)
      }
    }
    onOpened(dispute, photoProblems)
  }

  const reasonError = form.fieldErrors.reason?.[0]
  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="flex min-h-0 flex-1 flex-col">
      <DialogTitle id={titleId}>Open a dispute</DialogTitle>
      <DialogContent dividers className="flex flex-col gap-4">
        <Typography variant="body2">
          The order from {order.seller.store_name} did not arrive, or is not what the listing said? The seller can answer,
          and TechMarket decides. Your money stays held until then.
        </Typography>
        <FormAlert id={form.alertId} message={form.alert} />
        <FormControl error={Boolean(reasonError)} required>
          <FormLabel id={reasonLabelId}>What went wrong?</FormLabel>
          <RadioGroup
            aria-labelledby={reasonLabelId}
            value={reason}
            onChange={(event) => setReason(event.target.value as DisputeReason)}
          >
            <FormControlLabel
              value="not_received"
              control={<Radio id={form.idOf('reason')} />}
              label="I did not receive it"
            />
            <FormControlLabel value="not_as_described" control={<Radio />} label="It is not as described" />
          </RadioGroup>
          {reasonError && <FormHelperText>{reasonError}</FormHelperText>}
        </FormControl>
        <TextField
          {...form.fieldProps('statement', 'What happened, and what you would like (a refund, a partial refund…).')}
          label="Your statement"
          required
          multiline
          minRows={4}
          value={statement}
          onChange={(event) => setStatement(event.target.value)}
          slotProps={{ htmlInput: { maxLength: 5000 } }}
        />
        <div className="flex flex-col gap-1">
          <input
            ref={fileInput}
            type="file"
            hidden
            multiple
            accept={PHOTO_TYPES.join(',')}
            aria-label="Photos (optional)"
            onChange={(event) => setPhotos(Array.from(event.target.files ?? []))}
          />
          <Button id={form.idOf('file')} variant="outlined" onClick={() => fileInput.current?.click()} className="self-start">
            {photos.length > 0 ? 'Choose other photos' : 'Add photos'}
          </Button>
          <Typography variant="body2" color={form.fieldErrors.file ? 'error' : 'text.secondary'}>
            {form.fieldErrors.file?.[0] ??
              (photos.length > 0
                ? `${photos.length} ${photos.length === 1 ? 'photo' : 'photos'} chosen: ${photos.map((photo) => photo.name).join(', ')}`
                : `Optional: up to ${MAX_DISPUTE_PHOTOS} photos (JPEG, PNG or WebP).`)}
          </Typography>
        </div>
        {photoState.isLoading && <Alert severity="info">Uploading photos…</Alert>}
      </DialogContent>
      <DialogActions className="px-6 py-4">
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button type="submit" variant="contained" disabled={busy}>
          {busy ? 'Sending…' : 'Open dispute'}
        </Button>
      </DialogActions>
    </form>
  )
}
