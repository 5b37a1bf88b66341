import LinearProgress from '@mui/material/LinearProgress'
import Typography from '@mui/material/Typography'
import { useId } from 'react'

import type { PasswordScore, PasswordStrength } from '../../api/types'

export const SCORE_WORDS: Record<PasswordScore, string> = {
  0: 'Very weak',
  1: 'Weak',
  2: 'Fair',
  3: 'Good',
  4: 'Strong',
}

const SCORE_COLORS: Record<PasswordScore, 'error' | 'warning' | 'success'> = {
  0: 'error',
  1: 'error',
  2: 'warning',
  3: 'success',
  4: 'success',
}

/** The live verdict under a new-password field: a bar, the score in words, and what to fix. */
export function PasswordStrengthMeter({ strength }: { strength: PasswordStrength | null }) {
  const labelId = useId()
  if (!strength) return null
  const word = SCORE_WORDS[strength.score]
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center justify-between gap-2">
        <Typography variant="body2" id={labelId}>
          Password strength
        </Typography>
        <Typography variant="body2" aria-live="polite" sx={{ fontWeight: 600 }}>
          {word}
          {!strength.acceptable && strength.score >= 3 ? ' (not accepted)' : ''}
        </Typography>
      </div>
      <LinearProgress
        variant="determinate"
        value={(strength.score + 1) * 20}
        color={SCORE_COLORS[strength.score]}
        aria-labelledby={labelId}
        aria-valuetext={word}
        className="h-2 rounded"
      />
      {strength.reasons.length > 0 && (
        <ul aria-label="Why this password is weak" className="m-0 pl-5 text-sm text-red-800">
          {strength.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
      {strength.suggestions.length > 0 && (
        <ul aria-label="Suggestions" className="m-0 pl-5 text-sm text-slate-600">
          {strength.suggestions.map((suggestion) => (
            <li key={suggestion}>{suggestion}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
