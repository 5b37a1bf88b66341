import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'

import { signedOutState, tokenPair } from '../../test/fixtures'
import { api, problem } from '../../test/handlers'
import { renderWithProviders } from '../../test/renderWithProviders'
import { server } from '../../test/server'
import { SignInPage } from './SignInPage'

function renderSignIn(route = '/sign-in') {
  return renderWithProviders(<SignInPage />, { route, path: '/sign-in', preloadedState: signedOutState() })
}

const passwordInput = () => screen.getByLabelText(/^Password/, { selector: 'input' })

async function submitPassword(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText(/^Email/), 'ada@example.com')
  await user.type(passwordInput(), 'correct horse battery staple')
  await user.click(screen.getByRole('button', { name: 'Sign in' }))
}

describe('SignInPage', () => {
  it('stores the access token and goes on to the page from ?next=', async () => {
    let sent: unknown
    server.use(
      http.post(api('/auth/login'), async ({ request }) => {
        sent = await request.json()
        return HttpResponse.json(tokenPair('access-42'))
      }),
    )
    const user = userEvent.setup()
    const { store, router } = renderSignIn('/sign-in?next=%2Faccount%3Ftab%3Dsecurity')

    await submitPassword(user)

    await waitFor(() => expect(router.state.location.pathname).toBe('/account'))
    expect(router.state.location.search).toBe('?tab=security')
    expect(sent).toEqual({ email: 'ada@example.com', password: 'correct horse battery staple' })
    const auth = store.getState().auth
    expect(auth.accessToken).toBe('access-42')
    expect(auth.expiresAt).toBeGreaterThan(Date.now() + 590_000)
    expect(auth.expiresAt).toBeLessThanOrEqual(Date.now() + 600_000)
  })

  it('goes home after signing in when ?next= points off the site', async () => {
    const user = userEvent.setup()
    const { router } = renderSignIn('/sign-in?next=https%3A%2F%2Fevil.example%2F')

    await submitPassword(user)

    await waitFor(() => expect(router.state.location.pathname).toBe('/'))
  })

  it('asks for the 6-digit code when the account has two-step sign-in', async () => {
    const codes: unknown[] = []
    server.use(
      http.post(api('/auth/login'), () => HttpResponse.json({ mfa_required: true, mfa_token: 'mfa-1' })),
      http.post(api('/auth/login/mfa'), async ({ request }) => {
        const body = (await request.json()) as { mfa_token: string; code: string }
        codes.push(body)
        return body.code === '123456' ? HttpResponse.json(tokenPair('access-mfa')) : problem(401, 'Wrong code')
      }),
    )
    const user = userEvent.setup()
    const { store, router } = renderSignIn('/sign-in?next=%2Fcart')

    await submitPassword(user)

    const heading = await screen.findByRole('heading', { level: 1, name: 'Two-step verification' })
    await waitFor(() => expect(heading).toHaveFocus())
    expect(store.getState().auth.accessToken).toBeNull()

    await user.type(screen.getByLabelText(/^6-digit code/), '654321')
    await user.click(screen.getByRole('button', { name: 'Verify' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong code')
    expect(screen.getByLabelText(/^6-digit code/)).toHaveAccessibleDescription('That code did not work.')

    await user.clear(screen.getByLabelText(/^6-digit code/))
    await user.type(screen.getByLabelText(/^6-digit code/), '123 456')
    await user.click(screen.getByRole('button', { name: 'Verify' }))

    await waitFor(() => expect(router.state.location.pathname).toBe('/cart'))
    expect(store.getState().auth.accessToken).toBe('access-mfa')
    expect(codes).toEqual([
      { mfa_token: 'mfa-1', code: '654321' },
      { mfa_token: 'mfa-1', code: '123456' },
    ])
  })

  it('accepts a recovery code instead of the app code', async () => {
    let sent: unknown
    server.use(
      http.post(api('/auth/login'), () => HttpResponse.json({ mfa_required: true, mfa_token: 'mfa-2' })),
      http.post(api('/auth/login/mfa'), async ({ request }) => {
        sent = await request.json()
        return HttpResponse.json(tokenPair('access-recovered'))
      }),
    )
    const user = userEvent.setup()
    const { store } = renderSignIn()

    await submitPassword(user)
    await user.click(await screen.findByRole('button', { name: 'Use a recovery code' }))
    await user.type(screen.getByLabelText(/^Recovery code/), ' ABCD-efgh-ijkl ')
    await user.click(screen.getByRole('button', { name: 'Verify' }))

    await waitFor(() => expect(store.getState().auth.accessToken).toBe('access-recovered'))
    expect(sent).toEqual({ mfa_token: 'mfa-2', code: 'abcd-efgh-ijkl' })
  })

  it('says how long to wait when sign-in is throttled (429 with Retry-After)', async () => {
    server.use(
      http.post(api('/auth/login'), () =>
        problem(429, 'Too many sign-in attempts', undefined, { headers: { 'Retry-After': '300' } }),
      ),
    )
    const user = userEvent.setup()
    const { store } = renderSignIn()

    await submitPassword(user)

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Too many sign-in attempts')
    expect(alert).toHaveTextContent('Please wait 5 minutes before trying again.')
    await waitFor(() => expect(alert).toHaveFocus())
    expect(store.getState().auth.accessToken).toBeNull()
  })

  it('shows wrong credentials without saying which one was wrong', async () => {
    server.use(
      http.post(api('/auth/login'), () => problem(401, 'Wrong email or password', 'Check both and try again.')),
    )
    const user = userEvent.setup()
    const { router } = renderSignIn()

    await submitPassword(user)

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password')
    expect(passwordInput()).toHaveAttribute('aria-invalid', 'false')
    expect(router.state.location.pathname).toBe('/sign-in')
  })

  it('goes straight to the code step with ?mfa_token= from social sign-in, and posts that token', async () => {
    let sent: unknown
    server.use(
      http.post(api('/auth/login/mfa'), async ({ request }) => {
        sent = await request.json()
        return HttpResponse.json(tokenPair('access-social'))
      }),
    )
    const user = userEvent.setup()
    const { store, router } = renderSignIn('/sign-in?mfa_token=mfa-social-1&next=%2Fcart')

    const heading = await screen.findByRole('heading', { level: 1, name: 'Two-step verification' })
    await waitFor(() => expect(heading).toHaveFocus())
    expect(screen.queryByLabelText(/^Password/, { selector: 'input' })).not.toBeInTheDocument()
    // The one-use token leaves the address bar; where to go afterwards stays.
    await waitFor(() => expect(router.state.location.search).toBe('?next=%2Fcart'))

    await user.type(screen.getByLabelText(/^6-digit code/), '246810')
    await user.click(screen.getByRole('button', { name: 'Verify' }))

    await waitFor(() => expect(router.state.location.pathname).toBe('/cart'))
    expect(sent).toEqual({ mfa_token: 'mfa-social-1', code: '246810' })
    expect(store.getState().auth.accessToken).toBe('access-social')
  })

  it('shows ?error= from social sign-in above the form', async () => {
    renderSignIn('/sign-in?error=The%20GitHub%20account%20has%20no%20verified%20email.')

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('We could not sign you in')
    expect(alert).toHaveTextContent('The GitHub account has no verified email.')
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument()
    expect(screen.getByLabelText(/^Email/)).toBeInTheDocument()
  })

  it('links to the forgotten-password page', () => {
    renderSignIn()

    expect(screen.getByRole('link', { name: 'Forgot your password?' })).toHaveAttribute('href', '/forgot-password')
  })
})
