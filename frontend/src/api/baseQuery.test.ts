import { delay, http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'

import { makeStore } from '../app/store'
import { SESSION_ENDED_MESSAGE } from '../features/auth/authSlice'
import { me, sessions, signedInState, tokenPair } from '../test/fixtures'
import { api, problem } from '../test/handlers'
import { server } from '../test/server'
import { accountApi } from './account'
import { authApi } from './auth'
import { parseRetryAfter } from './baseQuery'

/** A backend whose access tokens `access-1` has expired and `access-2` is current. */
function serveExpiredToken() {
  const seen: { path: string; authorization: string | null }[] = []
  const refreshes: { body: unknown; credentials: RequestCredentials; authorization: string | null }[] = []
  const protectedRoute = (path: string, body: () => Record<string, unknown>) =>
    http.get(api(path), ({ request }) => {
      const authorization = request.headers.get('Authorization')
      seen.push({ path, authorization })
      return authorization === 'Bearer access-2' ? HttpResponse.json(body()) : problem(401, 'Token expired')
    })
  server.use(
    protectedRoute('/users/me', () => me()),
    protectedRoute('/auth/sessions', () => ({ items: sessions, next_cursor: null })),
    http.post(api('/auth/refresh'), async ({ request }) => {
      refreshes.push({
        body: await request.json(),
        credentials: request.credentials,
        authorization: request.headers.get('Authorization'),
      })
      // Slow enough that both 401s arrive while this refresh is still running.
      await delay(50)
      return HttpResponse.json(tokenPair('access-2'))
    }),
  )
  return { seen, refreshes }
}

describe('baseQueryWithReauth', () => {
  it('refreshes once for two parallel 401s, then retries both with the new token', async () => {
    const { seen, refreshes } = serveExpiredToken()
    const store = makeStore(signedInState('access-1'))

    const [meResult, sessionsResult] = await Promise.all([
      store.dispatch(accountApi.endpoints.getMe.initiate()),
      store.dispatch(authApi.endpoints.getSessions.initiate()),
    ])

    expect(refreshes).toHaveLength(1)
    // The refresh token travels only in the httpOnly cookie: an empty body, same-origin credentials.
    expect(refreshes[0]).toEqual({ body: {}, credentials: 'same-origin', authorization: null })
    expect(meResult.data?.display_name).toBe('Ada Lovelace')
    expect(sessionsResult.data).toHaveLength(2)
    expect(store.getState().auth.accessToken).toBe('access-2')
    expect(seen.filter((call) => call.authorization === 'Bearer access-1')).toHaveLength(2)
    expect(seen.filter((call) => call.authorization === 'Bearer access-2').map((call) => call.path).sort()).toEqual([
      '/auth/sessions',
      '/users/me',
    ])
  })

  it('clears the session, its reason and the cached account data when the refresh is refused', async () => {
    let refreshes = 0
    server.use(
      http.get(api('/users/me'), () => problem(401, 'Token expired')),
      http.post(api('/auth/refresh'), () => {
        refreshes += 1
        return problem(401, 'Session ended', 'Idle for 30 minutes.')
      }),
    )
    const store = makeStore(signedInState('access-1'))
    await store.dispatch(authApi.endpoints.getSessions.initiate())
    const cachedSessions = () => store.getState().techmarketApi.queries['getSessions(undefined)']?.data
    expect(cachedSessions()).toHaveLength(2)

    await store.dispatch(accountApi.endpoints.getMe.initiate())

    expect(refreshes).toBe(1)
    expect(store.getState().auth).toMatchObject({
      accessToken: null,
      expiresAt: null,
      signedOutReason: SESSION_ENDED_MESSAGE,
    })
    // Nothing of the ended session stays in the cache for the next person at this browser.
    expect(cachedSessions()).toBeUndefined()
  })

  it('keeps the session when the refresh gets no answer', async () => {
    server.use(
      http.get(api('/users/me'), () => problem(401, 'Token expired')),
      http.post(api('/auth/refresh'), () => HttpResponse.error()),
    )
    const store = makeStore(signedInState('access-1'))

    await store.dispatch(accountApi.endpoints.getMe.initiate())

    expect(store.getState().auth.accessToken).toBe('access-1')
  })

  it('does not refresh on a 401 from a sign-in call', async () => {
    let refreshes = 0
    server.use(
      http.post(api('/auth/login'), () => problem(401, 'Wrong email or password')),
      http.post(api('/auth/refresh'), () => {
        refreshes += 1
        return HttpResponse.json(tokenPair('access-2'))
      }),
    )
    const store = makeStore(signedInState('access-1'))

    const result = await store.dispatch(authApi.endpoints.login.initiate({ email: 'a@example.com', password: 'x' }))

    expect(result.error).toMatchObject({ status: 401 })
    expect(refreshes).toBe(0)
    expect(store.getState().auth.accessToken).toBe('access-1')
  })

  it('sends the bearer token to protected calls only', async () => {
    const authorizations: Record<string, string | null> = {}
    server.use(
      http.get(api('/users/me'), ({ request }) => {
        authorizations.me = request.headers.get('Authorization')
        return HttpResponse.json(me())
      }),
      http.post(api('/auth/password/forgot'), ({ request }) => {
        authorizations.forgot = request.headers.get('Authorization')
        return new HttpResponse(null, { status: 202 })
      }),
    )
    const store = makeStore(signedInState('access-1'))

    await store.dispatch(accountApi.endpoints.getMe.initiate())
    await store.dispatch(authApi.endpoints.forgotPassword.initiate({ email: 'a@example.com' }))

    expect(authorizations).toEqual({ me: 'Bearer access-1', forgot: null })
  })
})

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2025-11-25T12:00:00Z')
    expect(parseRetryAfter('120', now)).toBe(120)
    expect(parseRetryAfter('Tue, 25 Nov 2025 12:05:00 GMT', now)).toBe(300)
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter(null, now)).toBeUndefined()
  })
})
