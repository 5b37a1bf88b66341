import {
  fetchBaseQuery,
  type BaseQueryApi,
  type BaseQueryFn,
  type FetchArgs,
  type FetchBaseQueryError,
  type FetchBaseQueryMeta,
} from '@reduxjs/toolkit/query'

import {
  SESSION_ENDED_MESSAGE,
  selectAccessToken,
  selectSessionChecked,
  sessionEnded,
  tokenReceived,
  type AuthState,
} from '../features/auth/authSlice'
import type { TokenPair } from './types'

/** A failed request. A 429 also says, from `Retry-After`, how many seconds to wait. */
export type ApiError = FetchBaseQueryError & { retryAfterSeconds?: number }

export type ApiExtraOptions = {
  /**
   * `false` for the calls that prove who someone is (sign-in, refresh, password reset, …):
   * they carry no bearer token, and their 401 means "wrong credentials", not "token expired",
   * so it never triggers a refresh.
   */
  auth?: boolean
}

type StateWithAuth = { auth: AuthState }

const rawBaseQuery = fetchBaseQuery({
  baseUrl: '/api/v1',
  // Sends the httpOnly refresh cookie to /api/v1/auth; the app never reads or stores it.
  credentials: 'same-origin',
  prepareHeaders: (headers, { getState, extraOptions }) => {
    const token = selectAccessToken(getState() as StateWithAuth)
    const wantsAuth = (extraOptions as ApiExtraOptions | undefined)?.auth !== false
    if (token && wantsAuth && !headers.has('Authorization')) {
      headers.set('Authorization', `Bearer ${token}`)
    }
    return headers
  },
})

/** Seconds from a `Retry-After` header, which holds either seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, Math.ceil((date - now) / 1000))
}

type RawResult = Awaited<ReturnType<typeof rawBaseQuery>>

function withRetryAfter(result: RawResult): { data: unknown; meta?: FetchBaseQueryMeta } | { error: ApiError; meta?: FetchBaseQueryMeta } {
  if (result.error && result.error.status === 429) {
    const retryAfterSeconds = parseRetryAfter(result.meta?.response?.headers.get('Retry-After'))
    return { ...result, error: { ...result.error, retryAfterSeconds } }
  }
  return result
}

/**
 * What a refresh achieved: a new token, the server said the session is over (it is cleared),
 * or no answer (network, 5xx, 429: the session is kept and the caller may try later).
 */
export type RefreshOutcome = 'refreshed' | 'ended' | 'unavailable'

/**
 * The one refresh in flight. Parallel 401s, the expiry timer and the start-up check all share
 * it, so the server sees a single `POST /auth/refresh` (it rotates the cookie; a second
 * concurrent refresh with the old cookie could look like token reuse).
 */
let refreshInFlight: Promise<RefreshOutcome> | null = null

/** Swaps the refresh cookie for a new access token, once for everyone who asks meanwhile. */
export function refreshAccessToken(api: BaseQueryApi): Promise<RefreshOutcome> {
  refreshInFlight ??= runRefresh(api).finally(() => {
    refreshInFlight = null
  })
  return refreshInFlight
}

async function runRefresh(api: BaseQueryApi): Promise<RefreshOutcome> {
  const hadSession = selectAccessToken(api.getState() as StateWithAuth) !== null
  // Its own signal: aborting the request that hit the 401 must not cancel everyone's refresh.
  const refreshApi: BaseQueryApi = { ...api, signal: new AbortController().signal }
  // An empty body: the server reads the refresh token from its httpOnly cookie.
  const result = await rawBaseQuery({ url: '/auth/refresh', method: 'POST', body: {} }, refreshApi, { auth: false })
  const stillSignedIn = selectAccessToken(api.getState() as StateWithAuth) !== null
  if (hadSession && !stillSignedIn) {
    // Signed out while the refresh was on its way: don't sign back in.
    return 'ended'
  }
  if (result.data) {
    const tokens = result.data as TokenPair
    api.dispatch(
      tokenReceived({ accessToken: tokens.access_token, expiresIn: tokens.expires_in, receivedAt: Date.now() }),
    )
    return 'refreshed'
  }
  const status = result.error?.status
  if (status === 400 || status === 401 || status === 403) {
    api.dispatch(sessionEnded({ reason: hadSession ? SESSION_ENDED_MESSAGE : null }))
    return 'ended'
  }
  if (!hadSession) {
    // Start-up check without an answer: carry on signed out.
    api.dispatch(sessionEnded({ reason: null }))
  }
  return 'unavailable'
}

/**
 * The app's base query: `/api/v1`, the bearer token from the auth slice, and on a 401 one
 * refresh (shared with any other request that got a 401 meanwhile) and one retry. When the
 * refresh is refused the session is cleared and the original 401 is returned.
 */
export const baseQueryWithReauth: BaseQueryFn<
  string | FetchArgs,
  unknown,
  ApiError,
  ApiExtraOptions,
  FetchBaseQueryMeta
> = async (args, api, extraOptions = {}) => {
  if (extraOptions.auth === false) {
    return withRetryAfter(await rawBaseQuery(args, api, extraOptions))
  }
  // A refresh is replacing the token right now: wait for the new one instead of earning a 401.
  if (refreshInFlight) await refreshInFlight

  const state = () => api.getState() as StateWithAuth
  const sentWith = selectAccessToken(state())
  let result = await rawBaseQuery(args, api, extraOptions)

  if (result.error?.status === 401 && (sentWith !== null || !selectSessionChecked(state()))) {
    const current = selectAccessToken(state())
    // Another request refreshed while this one was on its way: just retry with the new token.
    const outcome = current !== null && current !== sentWith ? 'refreshed' : await refreshAccessToken(api)
    if (outcome === 'refreshed') {
      result = await rawBaseQuery(args, api, extraOptions)
    }
  }
  return withRetryAfter(result)
}
