import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { signedOutState } from '../../test/fixtures'
import { api } from '../../test/handlers'
import { renderWithProviders } from '../../test/renderWithProviders'
import { server } from '../../test/server'
import type { AppStore } from '../../app/store'
import { SignInPage } from './SignInPage'
import { SignUpPage } from './SignUpPage'

const bothProviders = {
  items: [
    { name: 'google', label: 'Google' },
    { name: 'github', label: 'GitHub' },
  ],
}

/** Whether the providers list has arrived (so "no buttons" is not just "not loaded yet"). */
const providersLoaded = (store: AppStore) =>
  Object.values(store.getState().techmarketApi.queries).some(
    (entry) => entry?.endpointName === 'getOAuthProviders' && entry.status === 'fulfilled',
  )

describe('Social sign-in buttons', () => {
  let assign: ReturnType<typeof vi.fn<(url: string | URL) => void>>
  beforeEach(() => {
    // jsdom's location can't be spied on in place; a stand-in keeps what the app reads from it.
    assign = vi.fn<(url: string | URL) => void>()
    vi.stubGlobal('location', {
      href: window.location.href,
      origin: window.location.origin,
      protocol: window.location.protocol,
      host: window.location.host,
      hostname: window.location.hostname,
      port: window.location.port,
      pathname: window.location.pathname,
      search: window.location.search,
      hash: window.location.hash,
      assign,
      replace: vi.fn(),
      reload: vi.fn(),
    })
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('shows none when the server has no providers configured', async () => {
    const { store } = renderWithProviders(<SignInPage />, {
      route: '/sign-in',
      path: '/sign-in',
      preloadedState: signedOutState(),
    })

    await waitFor(() => expect(providersLoaded(store)).toBe(true))
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /^Continue with/ })).not.toBeInTheDocument()
    expect(screen.queryByRole('separator')).not.toBeInTheDocument()
  })

  it('offers the configured providers above the sign-in form and goes to the start URL with ?next=', async () => {
    server.use(http.get(api('/auth/oauth/providers'), () => HttpResponse.json(bothProviders)))
    const user = userEvent.setup()
    renderWithProviders(<SignInPage />, {
      route: '/sign-in?next=%2Faccount%3Ftab%3Daddresses',
      path: '/sign-in',
      preloadedState: signedOutState(),
    })

    const github = await screen.findByRole('button', { name: 'Continue with GitHub' })
    const google = screen.getByRole('button', { name: 'Continue with Google' })
    // Above the form: the buttons come before the email field in the page.
    const email = screen.getByLabelText(/^Email/)
    expect(google.compareDocumentPosition(email) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect(screen.getByRole('separator')).toHaveTextContent('or')

    await user.click(github)

    expect(assign).toHaveBeenCalledTimes(1)
    expect(assign).toHaveBeenCalledWith('/api/v1/auth/oauth/github/start?next=%2Faccount%3Ftab%3Daddresses')
  })

  it('offers them on the sign-up page too, going home afterwards by default', async () => {
    server.use(
      http.get(api('/auth/oauth/providers'), () => HttpResponse.json({ items: [{ name: 'google', label: 'Google' }] })),
    )
    const user = userEvent.setup()
    renderWithProviders(<SignUpPage />, { route: '/sign-up', path: '/sign-up', preloadedState: signedOutState() })

    await user.click(await screen.findByRole('button', { name: 'Continue with Google' }))

    expect(screen.queryByRole('button', { name: 'Continue with GitHub' })).not.toBeInTheDocument()
    expect(assign).toHaveBeenCalledWith('/api/v1/auth/oauth/google/start?next=%2F')
  })
})
