import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'

import { me, signedInState, signedOutState } from '../../test/fixtures'
import { api } from '../../test/handlers'
import { renderWithProviders } from '../../test/renderWithProviders'
import { server } from '../../test/server'
import { Header } from './Header'

describe('Header', () => {
  it('submits the search box to /search with the query in q', async () => {
    const user = userEvent.setup()
    const { router } = renderWithProviders(<Header />)

    await user.type(screen.getByLabelText('Search TechMarket'), 'iphone 15 pro{Enter}')

    expect(router.state.location.pathname).toBe('/search')
    expect(new URLSearchParams(router.state.location.search).get('q')).toBe('iphone 15 pro')
  })

  it('shows the current query of a search page in the box', () => {
    renderWithProviders(<Header />, { route: '/search?q=thinkpad' })

    expect(screen.getByLabelText('Search TechMarket')).toHaveValue('thinkpad')
  })

  it('lists top-level categories with their children, ordered by position', async () => {
    const user = userEvent.setup()
    renderWithProviders(<Header />)

    await user.click(screen.getByRole('button', { name: 'Categories' }))
    const menu = await screen.findByRole('menu')
    await within(menu).findByRole('menuitem', { name: 'Phones' })

    const items = within(menu).getAllByRole('menuitem')
    expect(items.map((item) => item.textContent)).toEqual([
      'Phones',
      'iPhones',
      'Android phones',
      'Laptops',
      'Gaming laptops',
    ])
    expect(within(menu).getByRole('menuitem', { name: 'iPhones' })).toHaveAttribute('href', '/categories/iphones')
  })

  it('links the cart, and offers sign-in when signed out', () => {
    renderWithProviders(<Header />, { route: '/products/p1', preloadedState: signedOutState() })

    expect(screen.getByRole('link', { name: 'Cart' })).toHaveAttribute('href', '/cart')
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in?next=%2Fproducts%2Fp1')
    expect(screen.getByRole('link', { name: 'TechMarket home' })).toHaveAttribute('href', '/')
  })

  it('shows how many units are in the cart: the account’s, or this browser’s', async () => {
    const first = renderWithProviders(<Header />, { preloadedState: signedInState() })
    // The default account cart holds two lines of one unit each.
    expect(await screen.findByRole('link', { name: 'Cart, 2 items' })).toHaveAttribute('href', '/cart')
    first.unmount()

    window.localStorage.setItem(
      'techmarket.cart',
      JSON.stringify([{ product_id: 'p1', option_id: null, quantity: 3, unit_price: 100, currency: 'EUR', available: 5 }]),
    )
    renderWithProviders(<Header />, { preloadedState: signedOutState() })
    expect(screen.getByRole('link', { name: 'Cart, 3 items' })).toBeInTheDocument()
  })

  it('shows the display name when signed in, with Account and Sign out in its menu', async () => {
    let logouts = 0
    server.use(
      http.post(api('/auth/logout'), () => {
        logouts += 1
        return new HttpResponse(null, { status: 204 })
      }),
    )
    const user = userEvent.setup()
    const { store, router } = renderWithProviders(<Header />, { route: '/cart', preloadedState: signedInState() })

    const button = await screen.findByRole('button', { name: 'Account: Ada Lovelace' })
    expect(screen.queryByRole('link', { name: 'Sign in' })).not.toBeInTheDocument()
    await user.click(button)
    const menu = await screen.findByRole('menu')
    expect(within(menu).getByRole('menuitem', { name: /^Account/ })).toHaveAttribute('href', '/account')
    expect(within(menu).getByRole('menuitem', { name: 'Orders' })).toHaveAttribute('href', '/account/orders')
    expect(within(menu).getByRole('menuitem', { name: 'Offers' })).toHaveAttribute('href', '/account/offers')
    expect(within(menu).getByRole('menuitem', { name: 'Watchlist' })).toHaveAttribute('href', '/account/watchlist')
    expect(within(menu).getByRole('menuitem', { name: 'Saved searches' })).toHaveAttribute('href', '/account/saved-searches')
    expect(within(menu).getByRole('menuitem', { name: 'Alerts' })).toHaveAttribute('href', '/account/alerts')
    // Buyers have no store, so no listings of their own.
    expect(within(menu).queryByRole('menuitem', { name: 'My listings' })).not.toBeInTheDocument()
    expect(within(menu).queryByRole('menuitem', { name: 'Sales' })).not.toBeInTheDocument()

    await user.click(within(menu).getByRole('menuitem', { name: 'Sign out' }))

    expect(await screen.findByRole('link', { name: 'Sign in' })).toBeInTheDocument()
    expect(logouts).toBe(1)
    expect(store.getState().auth.accessToken).toBeNull()
    expect(router.state.location.pathname).toBe('/')
  })

  it('links "My listings", sales and payouts in the account menu of a seller', async () => {
    server.use(http.get(api('/users/me'), () => HttpResponse.json(me({ roles: ['buyer', 'seller'], dealer_id: 'd-1' }))))
    const user = userEvent.setup()
    renderWithProviders(<Header />, { preloadedState: signedInState() })

    await user.click(await screen.findByRole('button', { name: 'Account: Ada Lovelace' }))
    const menu = await screen.findByRole('menu')
    expect(within(menu).getByRole('menuitem', { name: 'My listings' })).toHaveAttribute('href', '/selling')
    expect(within(menu).getByRole('menuitem', { name: 'Sales' })).toHaveAttribute('href', '/selling/sales')
    expect(within(menu).getByRole('menuitem', { name: 'Payouts' })).toHaveAttribute('href', '/selling/payouts')
  })
})
