import type { SerializedError } from '@reduxjs/toolkit'
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query'

import type { ProblemDetails } from './types'

/** What the UI shows for a failed request: a short title and an optional sentence. */
export type ErrorMessage = { title: string; detail?: string; status?: number }

type RequestError = (FetchBaseQueryError & { retryAfterSeconds?: number }) | SerializedError

export function isProblemDetails(value: unknown): value is ProblemDetails {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { title?: unknown }).title === 'string'
  )
}

/** "45 seconds", "1 minute", "5 minutes", "2 hours": a wait, rounded up to a unit a person uses. */
export function formatWait(seconds: number): string {
  const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`
  if (seconds < 60) return plural(Math.max(1, Math.ceil(seconds)), 'second')
  if (seconds < 3600) return plural(Math.ceil(seconds / 60), 'minute')
  return plural(Math.ceil(seconds / 3600), 'hour')
}

/** Turns an RTK Query error into the message to show, preferring the server's problem+json. */
export function errorMessageOf(error: RequestError | undefined): ErrorMessage {
  if (error === undefined) {
    return { title: 'Something went wrong' }
  }
  if ('status' in error) {
    if (typeof error.status === 'number') {
      const message: ErrorMessage = isProblemDetails(error.data)
        ? { title: error.data.title, detail: error.data.detail, status: error.status }
        : { title: `The server answered ${error.status}`, status: error.status }
      if (error.status === 429) {
        if (!isProblemDetails(error.data)) message.title = 'Too many attempts'
        const wait =
          error.retryAfterSeconds !== undefined
            ? `Please wait ${formatWait(error.retryAfterSeconds)} before trying again.`
            : 'Please wait a little before trying again.'
        message.detail = message.detail ? `${message.detail} ${wait}` : wait
      }
      return message
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

/**
 * The messages of a 422 problem's `errors`, by field name (several rules can fail for one
 * field, e.g. a password that is both short and common).
 */
export function fieldErrorsOf(error: RequestError | undefined): Record<string, string[]> {
  const fields: Record<string, string[]> = {}
  if (error && 'status' in error && isProblemDetails(error.data)) {
    for (const entry of error.data.errors ?? []) {
      // FastAPI-style locations may arrive dotted ("body.password"); the field is the last part.
      const name = entry.field.split('.').pop() ?? entry.field
      ;(fields[name] ??= []).push(entry.message)
    }
  }
  return fields
}

/**
 * Like `fieldErrorsOf`, but keeps the whole path of nested fields (`specs.ram_gb`,
 * `options.0.price`, `shipping.weight_grams`), dropping only a leading location
 * (`body.`, `query.`). A problem with a `code` but no `errors` for a known field lands on
 * `fieldOfCode[code]` (e.g. `stolen-device` → `serial_number`).
 */
export function fieldErrorsByPath(
  error: RequestError | undefined,
  fieldOfCode: Record<string, string> = {},
): Record<string, string[]> {
  const fields: Record<string, string[]> = {}
  if (error && 'status' in error && isProblemDetails(error.data)) {
    for (const entry of error.data.errors ?? []) {
      const name = entry.field.replace(/^(body|query|path)\./, '')
      ;(fields[name] ??= []).push(entry.message)
    }
    const code = error.data.code
    const codeField = code === undefined ? undefined : fieldOfCode[code]
    if (codeField !== undefined && fields[codeField] === undefined) {
      fields[codeField] = [error.data.detail ?? error.data.title]
    }
  }
  return fields
}

/** The HTTP status of a failed request, when the server answered. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const status = (error as { status?: unknown }).status
  return typeof status === 'number' ? status : undefined
}
