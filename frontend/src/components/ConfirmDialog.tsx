import type { SerializedError } from '@reduxjs/toolkit'
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query'
import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogContentText from '@mui/material/DialogContentText'
import DialogTitle from '@mui/material/DialogTitle'
import { useId, useRef, type ReactNode } from 'react'

import { ErrorState } from './ErrorState'

type ConfirmDialogProps = {
  open: boolean
  title: string
  /** What will happen, read out as the dialog's description. */
  children: ReactNode
  confirmLabel: string
  /** Shown on the confirm button while `busy` ("Removing…"). */
  busyLabel?: string
  busy?: boolean
  /** The failed request, shown inside the dialog. */
  error?: FetchBaseQueryError | SerializedError
  onConfirm: () => void
  onClose: () => void
  /** `primary` for a step that is not destructive (confirming a delivery). */
  confirmColor?: 'error' | 'primary'
}

/** "Are you sure?" before something that can't be undone, with a red confirm button. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  busyLabel,
  busy = false,
  error,
  onConfirm,
  onClose,
  confirmColor = 'error',
}: ConfirmDialogProps) {
  const titleId = useId()
  const textId = useId()
  // The last open content, kept while the dialog fades out so its text does not go blank meanwhile.
  const lastOpen = useRef({ title, children })
  if (open) lastOpen.current = { title, children }
  const shown = lastOpen.current

  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} aria-labelledby={titleId} aria-describedby={textId}>
      <DialogTitle id={titleId}>{shown.title}</DialogTitle>
      <DialogContent className="flex flex-col gap-3">
        <DialogContentText id={textId} component="div">
          {shown.children}
        </DialogContentText>
        {error && <ErrorState error={error} />}
      </DialogContent>
      <DialogActions className="px-6 pb-4">
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button variant="contained" color={confirmColor} disabled={busy} onClick={onConfirm}>
          {busy ? (busyLabel ?? confirmLabel) : confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  )
}
