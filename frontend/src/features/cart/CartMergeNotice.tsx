import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Link from '@mui/material/Link'
import { Link as RouterLink } from 'react-router'

import { useAppDispatch, useAppSelector } from '../../app/hooks'
import { mergeNoteText } from './cartText'
import { mergeNoticeDismissed, selectMergeNotice } from './guestCartSlice'

/** After sign-in: what of the cart kept in this browser could not go into the account's cart as it was. */
export function CartMergeNotice() {
  const dispatch = useAppDispatch()
  const notes = useAppSelector(selectMergeNotice)
  if (!notes) return null
  return (
    <Alert severity="warning" role="status" onClose={() => dispatch(mergeNoticeDismissed())} className="mb-4">
      <AlertTitle>Your cart from before you signed in is in your account, with changes</AlertTitle>
      <ul className="m-0 pl-5">
        {notes.map((note) => (
          <li key={`${note.product_id}:${note.option_id ?? ''}`}>{mergeNoteText(note)}</li>
        ))}
      </ul>
      <Link component={RouterLink} to="/cart" onClick={() => dispatch(mergeNoticeDismissed())}>
        Review your cart
      </Link>
    </Alert>
  )
}
