import Alert from '@mui/material/Alert'

import { useAppDispatch, useAppSelector } from '../../app/hooks'
import { homeNoticeDismissed, selectHomeNotice } from '../auth/authSlice'

/** A message for whoever lands on the home page after their session ended there ("Your account was deleted."). */
export function HomeNotice() {
  const dispatch = useAppDispatch()
  const notice = useAppSelector(selectHomeNotice)
  if (notice === null) return null
  return (
    <Alert severity="info" role="status" onClose={() => dispatch(homeNoticeDismissed())}>
      {notice}
    </Alert>
  )
}
