import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogContentText from '@mui/material/DialogContentText'
import DialogTitle from '@mui/material/DialogTitle'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { useTheme } from '@mui/material/styles'
import useMediaQuery from '@mui/material/useMediaQuery'
import { useId, useState, type FormEvent } from 'react'
import { useNavigate } from 'react-router'

import { useDeleteAccountMutation } from '../../api/account'
import type { Me } from '../../api/types'
import { useAppDispatch } from '../../app/hooks'
import { FormAlert } from '../auth/FormAlert'
import { useFormErrors } from '../auth/formErrors'
import { accountDeleted } from '../auth/session'
import { SectionCard } from './SectionCard'
import { StepUpField, stepUpFieldOf, stepUpOf } from './StepUpField'

/** What must be typed, exactly, to confirm. */
export const DELETE_CONFIRMATION = 'DELETE'

const FIELDS = ['password', 'code', 'confirm'] as const
type Field = (typeof FIELDS)[number]

/** The danger zone: deleting the account, behind a dialog that asks twice. */
export function DeleteAccountSection({ me }: { me: Me }) {
  const [open, setOpen] = useState(false)
  return (
    <SectionCard title="Delete account" tone="danger">
      <Typography>
        Deleting your account erases your personal data and signs you out on every device. This can&apos;t be
        undone.
      </Typography>
      <div>
        <Button variant="outlined" color="error" onClick={() => setOpen(true)}>
          Delete my account
        </Button>
      </div>
      <DeleteAccountDialog me={me} open={open} onClose={() => setOpen(false)} />
    </SectionCard>
  )
}

function DeleteAccountDialog({ me, open, onClose }: { me: Me; open: boolean; onClose: () => void }) {
  const theme = useTheme()
  const phone = useMediaQuery(theme.breakpoints.down('sm'))
  const titleId = useId()
  return (
    <Dialog open={open} onClose={onClose} fullScreen={phone} fullWidth maxWidth="xs" aria-labelledby={titleId}>
      {/* Mounted per opening: nothing typed survives a cancel. */}
      {open && <DeleteAccountForm me={me} titleId={titleId} onCancel={onClose} />}
    </Dialog>
  )
}

function DeleteAccountForm({ me, titleId, onCancel }: { me: Me; titleId: string; onCancel: () => void }) {
  const dispatch = useAppDispatch()
  const navigate = useNavigate()
  const [deleteAccount, { isLoading }] = useDeleteAccountMutation()
  const [proof, setProof] = useState('')
  const [confirm, setConfirm] = useState('')
  const form = useFormErrors(FIELDS)
  const proofField = stepUpFieldOf(me.mfa_enabled)

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const problems: Partial<Record<Field, string[]>> = {}
    const stepUp = stepUpOf(me.mfa_enabled, proof)
    if ('problem' in stepUp) problems[proofField] = [stepUp.problem]
    if (confirm.trim() !== DELETE_CONFIRMATION) {
      problems.confirm = [`Type ${DELETE_CONFIRMATION} in capital letters to confirm.`]
    }
    if (Object.keys(problems).length > 0 || 'problem' in stepUp) {
      form.show(problems, null)
      return
    }
    form.clear()
    try {
      await deleteAccount(stepUp.stepUp).unwrap()
    } catch (error) {
      form.showProblem(error)
      return
    }
    // Every session is over on the server: forget this one, and go home to say so.
    dispatch(accountDeleted())
    void navigate('/', { replace: true })
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="flex min-h-0 flex-1 flex-col">
      <DialogTitle id={titleId}>Delete your account?</DialogTitle>
      <DialogContent dividers className="flex flex-col gap-4">
        <DialogContentText>
          Your personal data is erased and you are signed out on every device. This can&apos;t be undone.
        </DialogContentText>
        <FormAlert id={form.alertId} message={form.alert} />
        <StepUpField
          mfaEnabled={me.mfa_enabled}
          fieldProps={form.fieldProps(proofField)}
          value={proof}
          onChange={setProof}
          autoFocus
        />
        <TextField
          {...form.fieldProps('confirm', `To confirm, type ${DELETE_CONFIRMATION} in capital letters.`)}
          label={`Type ${DELETE_CONFIRMATION}`}
          required
          autoComplete="off"
          value={confirm}
          onChange={(event) => setConfirm(event.target.value)}
          slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'characters' } }}
        />
      </DialogContent>
      <DialogActions className="px-6 py-4">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="contained" color="error" disabled={isLoading}>
          {isLoading ? 'Deleting…' : 'Delete my account'}
        </Button>
      </DialogActions>
    </form>
  )
}
