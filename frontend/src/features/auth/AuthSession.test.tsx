import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { Outlet } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { signedInState, tokenPair } from '../../test/fixtures'
import { api, problem } from '../../test/handlers'
import { renderWithProviders } from '../../test/renderWithProviders'
import { server } from '../../test/server'
import { AuthSession, IDLE_TIMEOUT_MS, REFRESH_LEAD_MS, SHARED_ACTIVITY_KEY } from './AuthSession'
import { IDLE_SIGN_OUT_MESSAGE, SIGNED_OUT_ELSEWHERE_MESSAGE } from './authSlice'
import { SIGNED_OUT_KEY } from './session'
import { SignInPage } from './SignInPage'

const MINUTE = 60_000

/** Counts refreshes (each hands out a new token) and logouts, with the token each carried. */
function serveSession() {
  const calls = { refreshes: 0, logouts: [] as (string | null)[] }
  server.use(
    http.post(api('/auth/refresh'), () => {
      calls.refreshes += 1
      return HttpResponse.json(tokenPair(`access-r${calls.refreshes}`))
    }),
    http.post(api('/auth/logout'), ({ request }) => {
      calls.logouts.push(request.headers.get('Authorization'))
      return new HttpResponse(null, { status: 204 })
    }),
  )
  return calls
}

function renderSession(options: { route?: string; signedIn?: boolean } = {}) {
  const { route = '/cart', signedIn = true } = options
  return renderWithProviders(
    <>
      <AuthSession />
      <Outlet />
    </>,
    {
      route,
      preloadedState: signedIn ? signedInState('access-0') : undefined,
      routes: [
        { path: 'cart', element: <p>Your cart</p> },
        { path: 'sign-in', element: <SignInPage /> },
      ],
    },
  )
}

describe('AuthSession', () => {
  beforeEach(() => {
    // Fake clocks that still move on their own, so msw's responses and findBy* keep working.
    vi.useFakeTimers({ shouldAdvanceTime: true })
    window.localStorage.clear()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('signs out after 30 minutes without activity and says why on the sign-in page', async () => {
    const calls = serveSession()
    const { store, router } = renderSession()

    await act(() => vi.advanceTimersByTimeAsync(IDLE_TIMEOUT_MS - 5 * MINUTE))
    // Typing counts as activity: the 30 minutes start again.
    fireEvent.keyDown(document.body, { key: 'a' })
    await act(() => vi.advanceTimersByTimeAsync(IDLE_TIMEOUT_MS - MINUTE))
    expect(calls.logouts).toEqual([])
    expect(store.getState().auth.accessToken).not.toBeNull()

    await act(() => vi.advanceTimersByTimeAsync(2 * MINUTE))

    expect(await screen.findByText(IDLE_SIGN_OUT_MESSAGE)).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/sign-in')
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/cart')
    expect(store.getState().auth).toMatchObject({ accessToken: null, signedOutReason: IDLE_SIGN_OUT_MESSAGE })
    // The server was told, with the token of the session being ended.
    expect(calls.logouts).toHaveLength(1)
    expect(calls.logouts[0]).toMatch(/^Bearer access-/)
  })

  it('stays signed in while the person is busy in another tab', async () => {
    const calls = serveSession()
    const { store } = renderSession()

    await act(() => vi.advanceTimersByTimeAsync(IDLE_TIMEOUT_MS - MINUTE))
    // Another tab of the same session records activity.
    window.localStorage.setItem(SHARED_ACTIVITY_KEY, String(Date.now()))
    await act(() => vi.advanceTimersByTimeAsync(IDLE_TIMEOUT_MS - MINUTE))
    expect(calls.logouts).toEqual([])
    expect(store.getState().auth.accessToken).not.toBeNull()

    await act(() => vi.advanceTimersByTimeAsync(2 * MINUTE))

    await waitFor(() => expect(store.getState().auth.signedOutReason).toBe(IDLE_SIGN_OUT_MESSAGE))
    expect(calls.logouts).toHaveLength(1)
  })

  it('signs out when another tab signed out', async () => {
    const { store } = renderSession()

    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key: SIGNED_OUT_KEY, newValue: String(Date.now()) }))
    })

    expect(store.getState().auth).toMatchObject({ accessToken: null, signedOutReason: SIGNED_OUT_ELSEWHERE_MESSAGE })
  })

  it('refreshes the access token quietly a minute before it expires', async () => {
    const calls = serveSession()
    const { store } = renderSession()

    await act(() => vi.advanceTimersByTimeAsync(10 * MINUTE - REFRESH_LEAD_MS - 5_000))
    expect(calls.refreshes).toBe(0)

    await act(() => vi.advanceTimersByTimeAsync(10_000))

    await waitFor(() => expect(store.getState().auth.accessToken).toBe('access-r1'))
    expect(calls.refreshes).toBe(1)
    expect(store.getState().auth.expiresAt).toBeGreaterThan(Date.now() + 9 * MINUTE)
  })

  it('restores the session from the refresh cookie when the app starts', async () => {
    const calls = serveSession()
    const { store } = renderSession({ signedIn: false })

    await waitFor(() => expect(store.getState().auth.accessToken).toBe('access-r1'))
    expect(calls.refreshes).toBe(1)
    expect(store.getState().auth.sessionChecked).toBe(true)
  })

  it('starts signed out, without a message, when the cookie holds no session', async () => {
    server.use(http.post(api('/auth/refresh'), () => problem(401, 'No session')))
    const { store } = renderSession({ signedIn: false })

    await waitFor(() => expect(store.getState().auth.sessionChecked).toBe(true))
    expect(store.getState().auth).toMatchObject({ accessToken: null, signedOutReason: null })
  })
})
