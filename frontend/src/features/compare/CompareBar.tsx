import CompareArrowsIcon from '@mui/icons-material/CompareArrows'
import Button from '@mui/material/Button'
import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import { Link as RouterLink, useLocation } from 'react-router'

import { useAppDispatch, useAppSelector } from '../../app/hooks'
import { compareCleared, MAX_COMPARE, selectCompareIds } from './compareSlice'
import { comparePath } from './compareUrl'

/** Floats at the bottom while listings are chosen for comparison; links to the page from two on. */
export function CompareBar() {
  const ids = useAppSelector(selectCompareIds)
  const dispatch = useAppDispatch()
  const { pathname } = useLocation()
  if (ids.length === 0 || pathname === '/compare') return null
  return (
    <>
      {/* Room at the end of the page, so the bar never covers the footer. */}
      <div aria-hidden className="h-24 sm:h-20" />
      <Paper
        component="aside"
        aria-label="Compare"
        elevation={6}
        className="fixed right-4 bottom-4 left-4 z-20 flex flex-wrap items-center gap-2 p-3 sm:left-auto sm:max-w-md"
      >
        <CompareArrowsIcon color="secondary" aria-hidden />
        <Typography className="flex-1">
          {ids.length} of {MAX_COMPARE} chosen
          {ids.length < 2 && <span className="block text-sm text-slate-600">Choose one more to compare.</span>}
        </Typography>
        <Button size="small" onClick={() => dispatch(compareCleared())}>
          Clear
        </Button>
        {ids.length >= 2 && (
          <Button size="small" variant="contained" color="secondary" component={RouterLink} to={comparePath(ids)}>
            Compare {ids.length} listings
          </Button>
        )}
      </Paper>
    </>
  )
}
