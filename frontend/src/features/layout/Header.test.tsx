import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'

import { renderWithProviders } from '../../test/renderWithProviders'
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

  it('links the cart and account entries', () => {
    renderWithProviders(<Header />)

    expect(screen.getByRole('link', { name: 'Cart' })).toHaveAttribute('href', '/cart')
    expect(screen.getByRole('link', { name: 'Account' })).toHaveAttribute('href', '/account')
    expect(screen.getByRole('link', { name: 'TechMarket home' })).toHaveAttribute('href', '/')
  })
})
