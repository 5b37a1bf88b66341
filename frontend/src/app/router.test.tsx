import { render, screen } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { describe, expect, it } from 'vitest'

import { tokenPair } from '../test/fixtures'
import { api } from '../test/handlers'
import { server } from '../test/server'
import { AppProviders } from './AppProviders'
import { routes } from './router'
import { makeStore } from './store'

function renderApp(url: string) {
  const router = createMemoryRouter(routes, { initialEntries: [url] })
  render(
    <AppProviders store={makeStore()}>
      <RouterProvider router={router} />
    </AppProviders>,
  )
  return router
}

describe('routes', () => {
  it('shows the 404 page for an unknown address, inside the layout', async () => {
    renderApp('/no/such/page')

    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Back to the home page' })).toHaveAttribute('href', '/')
    expect(screen.getByLabelText('Search TechMarket')).toBeInTheDocument()
  })

  it('opens the cart kept in this browser at /cart when no one is signed in', async () => {
    renderApp('/cart')

    expect(await screen.findByRole('heading', { level: 1, name: 'Your cart' })).toBeInTheDocument()
    expect(await screen.findByText('Your cart is empty.')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Continue shopping' })).toHaveAttribute('href', '/')
  })

  it('sends /account to sign-in once the start-up check finds no session', async () => {
    const router = renderApp('/account')

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/sign-in')
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/account')
  })

  it('opens the account of a session restored from the refresh cookie', async () => {
    server.use(http.post(api('/auth/refresh'), () => HttpResponse.json(tokenPair('access-restored'))))
    renderApp('/account')

    expect(await screen.findByRole('heading', { level: 1, name: 'Your account' })).toBeInTheDocument()
    expect(await screen.findByRole('button', { name: 'Account: Ada Lovelace' })).toBeInTheDocument()
  })

  it.each([
    ['/compare', 'Compare listings'],
    ['/sign-up', 'Create your account'],
    ['/forgot-password', 'Forgot your password?'],
    ['/reset-password?token=t1', 'Choose a new password'],
  ])('has a page at %s', async (url, heading) => {
    renderApp(url)

    expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeInTheDocument()
  })

  it('loads the product page for /products/:id', async () => {
    renderApp('/products/0b7c4f7e-7a8e-4c52-9d2c-1f0e6c1d0a11')

    expect(await screen.findByRole('heading', { level: 1, name: 'iPhone 15 Pro 256 GB' })).toBeInTheDocument()
  })

  it.each([
    '/selling',
    '/selling/new',
    '/selling/p1/edit',
    '/selling/sales',
    '/selling/sales/sale-1',
    '/selling/payouts',
    '/checkout',
    '/checkout/complete?checkout=chk-1',
    '/account/orders',
    '/account/orders/ord-1',
    '/account/offers',
    '/account/watchlist',
    '/account/saved-searches',
    '/account/alerts',
  ])(
    'has a signed-in page at %s',
    async (url) => {
      const router = renderApp(url)

      expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument()
      expect(new URLSearchParams(router.state.location.search).get('next')).toBe(url)
    },
  )
})
