import BookmarkAddIcon from '@mui/icons-material/BookmarkAdd'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogContentText from '@mui/material/DialogContentText'
import DialogTitle from '@mui/material/DialogTitle'
import FormControlLabel from '@mui/material/FormControlLabel'
import Link from '@mui/material/Link'
import Switch from '@mui/material/Switch'
import TextField from '@mui/material/TextField'
import { useId, useState, type FormEvent } from 'react'
import { Link as RouterLink, useLocation, useNavigate } from 'react-router'

import type { ProductSearch } from '../../api/catalog'
import { useSaveSearchMutation } from '../../api/watchlist'
import { useAppSelector } from '../../app/hooks'
import { selectIsSignedIn } from '../auth/authSlice'
import { FormAlert } from '../auth/FormAlert'
import { useFormErrors } from '../auth/formErrors'
import { signInPath } from '../auth/safeNextPath'
import { savedQueryOf } from './savedSearchQuery'

const FIELDS = ['name'] as const

/** "Save this search": a name and whether to be alerted about new matches. Signed out, it asks to sign in. */
export function SaveSearchButton({ search, defaultName }: { search: ProductSearch; defaultName: string }) {
  const signedIn = useAppSelector(selectIsSignedIn)
  const navigate = useNavigate()
  const location = useLocation()
  const [open, setOpen] = useState(false)
  const [savedName, setSavedName] = useState<string | null>(null)
  const titleId = useId()

  return (
    <>
      <Button
        variant="outlined"
        startIcon={<BookmarkAddIcon />}
        onClick={() => {
          if (!signedIn) {
            void navigate(signInPath(location.pathname + location.search))
            return
          }
          setSavedName(null)
          setOpen(true)
        }}
      >
        Save this search
      </Button>
      {savedName && (
        <Alert severity="success" role="status" onClose={() => setSavedName(null)} className="sm:basis-full">
          “{savedName}” is saved. Find it in{' '}
          <Link component={RouterLink} to="/account/saved-searches">
            your saved searches
          </Link>
          .
        </Alert>
      )}
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={titleId} fullWidth maxWidth="xs">
        {open && (
          <SaveSearchForm
            titleId={titleId}
            search={search}
            defaultName={defaultName}
            onClose={() => setOpen(false)}
            onSaved={(name) => {
              setOpen(false)
              setSavedName(name)
            }}
          />
        )}
      </Dialog>
    </>
  )
}

function SaveSearchForm({
  titleId,
  search,
  defaultName,
  onClose,
  onSaved,
}: {
  titleId: string
  search: ProductSearch
  defaultName: string
  onClose: () => void
  onSaved: (name: string) => void
}) {
  const [saveSearch, { isLoading }] = useSaveSearchMutation()
  const [name, setName] = useState(defaultName)
  const [alerts, setAlerts] = useState(true)
  const form = useFormErrors(FIELDS)

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const trimmed = name.trim()
    if (!trimmed) {
      form.show({ name: ['Give the search a name you will recognise.'] }, null)
      return
    }
    form.clear()
    try {
      const saved = await saveSearch({ name: trimmed, query: savedQueryOf(search), alerts }).unwrap()
      onSaved(saved.name)
    } catch (error) {
      form.showProblem(error)
    }
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <DialogTitle id={titleId}>Save this search</DialogTitle>
      <DialogContent className="flex flex-col gap-4">
        <DialogContentText>Run it again from your account, and hear when new listings match.</DialogContentText>
        <FormAlert id={form.alertId} message={form.alert} />
        <TextField
          {...form.fieldProps('name')}
          label="Name"
          required
          autoFocus
          value={name}
          onChange={(event) => setName(event.target.value)}
          slotProps={{ htmlInput: { maxLength: 120 } }}
          className="mt-1"
        />
        <FormControlLabel
          control={<Switch checked={alerts} onChange={(event) => setAlerts(event.target.checked)} />}
          label="Alert me about new matches"
        />
      </DialogContent>
      <DialogActions className="px-6 pb-4">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="contained" disabled={isLoading}>
          {isLoading ? 'Saving…' : 'Save search'}
        </Button>
      </DialogActions>
    </form>
  )
}
