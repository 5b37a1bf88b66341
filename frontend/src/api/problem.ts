import type { SerializedError } from '@reduxjs/toolkit'
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query'

import type { ProblemDetails } from './types'

/** What the UI shows for a failed request: a short title and an optional sentence. */
export type ErrorMessage = { title: string; detail?: string; status?: number }

function isProblemDetails(value: unknown): value is ProblemDetails {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { title?: unknown }).title === 'string'
  )
}

/** Turns an RTK Query error into the message to show, preferring the server's problem+json. */
export function errorMessageOf(error: FetchBaseQueryError | SerializedError | undefined): ErrorMessage {
  if (error === undefined) {
    return { title: 'Something went wrong' }
  }
  if ('status' in error) {
    if (typeof error.status === 'number') {
      if (isProblemDetails(error.data)) {
        return { title: error.data.title, detail: error.data.detail, status: error.status }
      }
      return { title: `The server answered ${error.status}`, status: error.status }
    }
    if (error.status === 'FETCH_ERROR' || error.status === 'TIMEOUT_ERROR') {
      return {
        title: "We can't reach TechMarket",
        detail: 'Check your connection and try again.',
      }
    }
    return { title: 'The server sent an answer we could not read' }
  }
  return { title: 'Something went wrong', detail: error.message }
}
