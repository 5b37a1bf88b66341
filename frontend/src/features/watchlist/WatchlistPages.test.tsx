import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'

import type { SavedSearchCreate } from '../../api/types'
import { formatPrice } from '../../components/Price'
import { signedInState, signedOutState, userAlerts, watchlist } from '../../test/fixtures'
import { api } from '../../test/handlers'
import { renderWithProviders } from '../../test/renderWithProviders'
import { server } from '../../test/server'
import { SearchPage } from '../catalog/SearchPage'
import { AlertsPage } from './AlertsPage'
import { SavedSearchesPage } from './SavedSearchesPage'
import { WatchlistPage } from './WatchlistPage'

const signedIn = { preloadedState: signedInState() }

describe('WatchlistPage', () => {
  it('lists watched listings and says, in words, which dropped in price', async () => {
    renderWithProviders(<WatchlistPage />, { route: '/account/watchlist', path: '/account/watchlist', ...signedIn })

    const dropped = await screen.findByRole('listitem', { name: 'iPhone 15 Pro 256 GB' })
    expect(dropped).toHaveTextContent(`Price dropped from ${formatPrice(139900, 'EUR')}`)
    expect(within(dropped).getByRole('link', { name: 'iPhone 15 Pro 256 GB' })).toHaveAttribute(
      'href',
      `/products/${watchlist[0]?.product.id}`,
    )
    const steady = screen.getByRole('listitem', { name: 'ThinkPad X1 Carbon Gen 11' })
    expect(steady).not.toHaveTextContent('Price dropped')
    expect(within(steady).getByText('Sold out')).toBeInTheDocument()
    expect(within(dropped).queryByText('Active')).not.toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Watchlist' })).toHaveAttribute('aria-current', 'page')
  })

  it('stops watching a listing with DELETE', async () => {
    const deleted: string[] = []
    let items = watchlist
    server.use(
      http.get(api('/users/me/watchlist'), () => HttpResponse.json({ items, next_cursor: null })),
      http.delete(api('/users/me/watchlist/:productId'), ({ params }) => {
        deleted.push(String(params.productId))
        items = items.filter((entry) => entry.product.id !== params.productId)
        return new HttpResponse(null, { status: 204 })
      }),
    )
    const user = userEvent.setup()
    renderWithProviders(<WatchlistPage />, { route: '/account/watchlist', path: '/account/watchlist', ...signedIn })

    await user.click(await screen.findByRole('button', { name: 'Stop watching ThinkPad X1 Carbon Gen 11' }))

    expect(await screen.findByRole('status')).toHaveTextContent('“ThinkPad X1 Carbon Gen 11” is no longer on your watchlist.')
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'ThinkPad X1 Carbon Gen 11' })).not.toBeInTheDocument())
    expect(deleted).toEqual([watchlist[1]?.product.id])
  })

  it('sends a signed-out visitor to sign in', async () => {
    const { router } = renderWithProviders(<WatchlistPage />, {
      route: '/account/watchlist',
      path: '/account/watchlist',
      preloadedState: signedOutState(),
    })

    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'))
  })
})

describe('SavedSearchesPage', () => {
  it('describes each saved search, its new matches and alerts, and links to its results', async () => {
    renderWithProviders(<SavedSearchesPage />, { route: '/account/saved-searches', path: '/account/saved-searches', ...signedIn })

    const saved = await screen.findByRole('listitem', { name: 'Unlocked Android phones' })
    expect(saved).toHaveTextContent(`Android phones · Samsung · Good · up to ${formatPrice(50000, 'EUR')} · Carrier lock: Unlocked`)
    expect(saved).toHaveTextContent('3 new matches')
    expect(saved).toHaveTextContent('Alerts on')
    const link = within(saved).getByRole('link', { name: 'Show results for Unlocked Android phones' })
    const target = new URL(link.getAttribute('href') ?? '', 'http://localhost')
    expect(target.pathname).toBe('/categories/android-phones')
    expect(target.searchParams.getAll('brand')).toEqual(['Samsung'])
    expect(target.searchParams.getAll('spec')).toEqual(['carrier_lock:unlocked'])
    expect(target.searchParams.get('max_price')).toBe('50000')
  })

  it('deletes a saved search after confirming', async () => {
    const deleted: string[] = []
    server.use(
      http.delete(api('/users/me/saved-searches/:id'), ({ params }) => {
        deleted.push(String(params.id))
        return new HttpResponse(null, { status: 204 })
      }),
    )
    const user = userEvent.setup()
    renderWithProviders(<SavedSearchesPage />, { route: '/account/saved-searches', path: '/account/saved-searches', ...signedIn })

    await user.click(await screen.findByRole('button', { name: 'Delete Unlocked Android phones' }))
    const dialog = screen.getByRole('dialog', { name: 'Delete this saved search?' })
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }))

    expect(await screen.findByText('“Unlocked Android phones” is deleted.')).toBeInTheDocument()
    expect(deleted).toEqual(['ss-1'])
  })
})

describe('AlertsPage', () => {
  it('shows what each alert is about, marks unread ones in words, and marks all read', async () => {
    let read = false
    let marks = 0
    server.use(
      http.get(api('/users/me/alerts'), () =>
        HttpResponse.json({ items: userAlerts.map((alert) => ({ ...alert, read: read || alert.read })), next_cursor: null }),
      ),
      http.post(api('/users/me/alerts/read'), () => {
        marks += 1
        read = true
        return new HttpResponse(null, { status: 204 })
      }),
    )
    const user = userEvent.setup()
    renderWithProviders(<AlertsPage />, { route: '/account/alerts', path: '/account/alerts', ...signedIn })

    const list = await screen.findByRole('list', { name: 'Alerts' })
    const [drop, match] = within(list).getAllByRole('listitem')
    expect(drop).toHaveTextContent('NewPrice drop on a watched listing')
    expect(await within(list).findByText('New match for “Unlocked Android phones”')).toBeInTheDocument()
    expect(within(match!).queryByText('New')).not.toBeInTheDocument()
    expect(screen.getByText('1 unread alert.')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Mark all as read' }))

    expect(await screen.findByText('You have read every alert.')).toBeInTheDocument()
    expect(within(list).queryByText('New')).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Mark all as read' })).toBeDisabled()
    expect(marks).toBe(1)
  })
})

describe('Save this search', () => {
  it('saves the search page filters under a name, with alerts', async () => {
    const bodies: SavedSearchCreate[] = []
    server.use(
      http.post(api('/users/me/saved-searches'), async ({ request }) => {
        const body = (await request.json()) as SavedSearchCreate
        bodies.push(body)
        return HttpResponse.json({ id: 'ss-9', ...body, created_at: '2025-11-25T12:00:00Z', new_matches: 0 }, { status: 201 })
      }),
    )
    const user = userEvent.setup()
    renderWithProviders(<SearchPage />, {
      route: '/categories/android-phones?q=galaxy&brand=Samsung&max_price=50000&spec=carrier_lock:unlocked&sort=newest',
      path: '/categories/:slug',
      ...signedIn,
    })

    await user.click(await screen.findByRole('button', { name: 'Save this search' }))
    const dialog = screen.getByRole('dialog', { name: 'Save this search' })
    const name = within(dialog).getByRole('textbox', { name: 'Name' })
    expect(name).toHaveValue('Results for “galaxy”')
    await user.clear(name)
    await user.type(name, 'Cheap Galaxies')
    await user.click(within(dialog).getByRole('switch', { name: 'Alert me about new matches' }))
    await user.click(within(dialog).getByRole('button', { name: 'Save search' }))

    expect(await screen.findByText(/“Cheap Galaxies” is saved/)).toBeInTheDocument()
    expect(bodies).toEqual([
      {
        name: 'Cheap Galaxies',
        alerts: false,
        query: {
          q: 'galaxy',
          category: 'android-phones',
          brand: ['Samsung'],
          condition: [],
          min_price: null,
          max_price: 50000,
          spec: ['carrier_lock:unlocked'],
        },
      },
    ])
  })

  it('asks a signed-out visitor to sign in first', async () => {
    const user = userEvent.setup()
    const { router } = renderWithProviders(<SearchPage />, {
      route: '/search?q=galaxy',
      path: '/search',
      preloadedState: signedOutState(),
    })

    await user.click(await screen.findByRole('button', { name: 'Save this search' }))

    expect(router.state.location.pathname).toBe('/sign-in')
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/search?q=galaxy')
  })
})
