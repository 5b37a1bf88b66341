import Chip, { type ChipProps } from '@mui/material/Chip'

import type { Condition } from '../api/types'

export const CONDITION_LABELS: Record<Condition, string> = {
  new: 'New',
  like_new: 'Like new',
  good: 'Good',
  fair: 'Fair',
  for_parts: 'For parts',
}

const CONDITION_COLORS: Record<Condition, ChipProps['color']> = {
  new: 'success',
  like_new: 'success',
  good: 'primary',
  fair: 'warning',
  for_parts: 'default',
}

export function ConditionChip({ condition, size = 'small' }: { condition: Condition; size?: ChipProps['size'] }) {
  return (
    <Chip
      label={CONDITION_LABELS[condition]}
      title={`Condition: ${CONDITION_LABELS[condition]}`}
      color={CONDITION_COLORS[condition]}
      variant={condition === 'new' ? 'filled' : 'outlined'}
      size={size}
    />
  )
}
