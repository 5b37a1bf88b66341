import type { SerializedError } from '@reduxjs/toolkit'
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query'
import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Button from '@mui/material/Button'

import { errorMessageOf } from '../api/problem'

type ErrorStateProps = {
  error: FetchBaseQueryError | SerializedError | undefined
  /** Shown when given; usually the query's `refetch`. */
  onRetry?: () => void
}

/** A failed request: the server's problem+json title and detail, and a way to try again. */
export function ErrorState({ error, onRetry }: ErrorStateProps) {
  const message = errorMessageOf(error)
  return (
    <Alert
      severity="error"
      variant="outlined"
      action={
        onRetry ? (
          <Button color="inherit" size="small" onClick={onRetry}>
            Retry
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>{message.title}</AlertTitle>
      {message.detail}
    </Alert>
  )
}
