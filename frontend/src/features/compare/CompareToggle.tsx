import CheckIcon from '@mui/icons-material/Check'
import CompareArrowsIcon from '@mui/icons-material/CompareArrows'
import Button from '@mui/material/Button'
import Typography from '@mui/material/Typography'
import { useId } from 'react'

import { useAppDispatch, useAppSelector } from '../../app/hooks'
import { compareToggled, MAX_COMPARE, selectCompareIds } from './compareSlice'

/** "Add to compare", pressed while the listing is on the compare list (at most `MAX_COMPARE`). */
export function CompareToggle({ productId }: { productId: string }) {
  const dispatch = useAppDispatch()
  const ids = useAppSelector(selectCompareIds)
  const chosen = ids.includes(productId)
  const full = !chosen && ids.length >= MAX_COMPARE
  const noteId = useId()
  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        variant={chosen ? 'contained' : 'outlined'}
        color="secondary"
        startIcon={chosen ? <CheckIcon /> : <CompareArrowsIcon />}
        aria-pressed={chosen}
        disabled={full}
        aria-describedby={full ? noteId : undefined}
        onClick={() => dispatch(compareToggled(productId))}
      >
        Add to compare
      </Button>
      {full && (
        <Typography id={noteId} variant="body2" color="text.secondary">
          You can compare up to {MAX_COMPARE} listings. Remove one to add this.
        </Typography>
      )}
    </div>
  )
}
