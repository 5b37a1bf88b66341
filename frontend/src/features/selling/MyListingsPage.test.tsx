import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'

import { formatPrice } from '../../components/Price'
import { me, myListings, signedInState } from '../../test/fixtures'
import { api, problem } from '../../test/handlers'
import { renderWithProviders } from '../../test/renderWithProviders'
import { server } from '../../test/server'
import { MyListingsPage } from './MyListingsPage'

const seller = () => HttpResponse.json(me({ roles: ['buyer', 'seller'], dealer_id: 'd-1' }))

function renderListings(route = '/selling') {
  server.use(http.get(api('/users/me'), seller))
  return renderWithProviders(<MyListingsPage />, { route, path: '/selling', preloadedState: signedInState() })
}

describe('MyListingsPage', () => {
  it('lists every listing of the store with price, stock, status, visibility and thumbnail', async () => {
    renderListings()

    const row = await screen.findByRole('listitem', { name: 'Galaxy S23 128 GB' })
    expect(within(row).getByText(`${formatPrice(54900, 'EUR')} · 3 in stock`)).toBeInTheDocument()
    expect(within(row).getByText('Active')).toBeInTheDocument()
    expect(within(row).getByText('Public')).toBeInTheDocument()
    expect(within(row).getByRole('presentation')).toHaveAttribute('src', '/media/products/x/img-1-thumb.webp')
    expect(within(row).getByRole('link', { name: 'Edit Galaxy S23 128 GB' })).toHaveAttribute('href', '/selling/mine-1/edit')
    expect(within(row).getByRole('link', { name: 'View Galaxy S23 128 GB' })).toHaveAttribute('href', '/products/mine-1')

    const draft = screen.getByRole('listitem', { name: 'Pixel 7 draft' })
    expect(within(draft).getByText('Draft')).toBeInTheDocument()
    const removed = screen.getByRole('listitem', { name: 'Old ThinkPad T480' })
    expect(within(removed).getByText('Removed')).toBeInTheDocument()
    expect(within(removed).getByText(/Out of stock/)).toBeInTheDocument()
    // A removed listing can't be removed again.
    expect(within(removed).queryByRole('button', { name: /Remove/ })).not.toBeInTheDocument()
  })

  it('filters by status through the URL and the API', async () => {
    const statuses: (string | null)[] = []
    server.use(
      http.get(api('/products/mine'), ({ request }) => {
        const status = new URL(request.url).searchParams.get('status')
        statuses.push(status)
        return HttpResponse.json({
          items: myListings.filter((listing) => status === null || listing.status === status),
          next_cursor: null,
        })
      }),
    )
    const user = userEvent.setup()
    const { router } = renderListings()

    await screen.findByRole('listitem', { name: 'Old ThinkPad T480' })
    await user.selectOptions(screen.getByLabelText('Status'), 'Removed')

    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'Galaxy S23 128 GB' })).not.toBeInTheDocument())
    expect(screen.getByRole('listitem', { name: 'Old ThinkPad T480' })).toBeInTheDocument()
    expect(statuses).toEqual([null, 'removed'])
    expect(new URLSearchParams(router.state.location.search).get('status')).toBe('removed')
  })

  it('removes a listing after confirming, and keeps it when cancelled', async () => {
    const deleted: string[] = []
    server.use(
      http.delete(api('/products/:id'), ({ params }) => {
        deleted.push(String(params.id))
        return new HttpResponse(null, { status: 204 })
      }),
    )
    const user = userEvent.setup()
    renderListings()

    await user.click(await screen.findByRole('button', { name: 'Remove Galaxy S23 128 GB' }))
    let dialog = screen.getByRole('dialog', { name: 'Remove this listing?' })
    expect(dialog).toHaveTextContent('“Galaxy S23 128 GB” will no longer be for sale')
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(deleted).toEqual([])

    await user.click(screen.getByRole('button', { name: 'Remove Galaxy S23 128 GB' }))
    dialog = screen.getByRole('dialog', { name: 'Remove this listing?' })
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }))

    expect(await screen.findByRole('status')).toHaveTextContent('“Galaxy S23 128 GB” is removed from the market.')
    expect(deleted).toEqual(['mine-1'])
  })

  it('shows the problem in the dialog when removing fails', async () => {
    server.use(http.delete(api('/products/:id'), () => problem(409, 'Listing has open orders', 'Finish the orders first.')))
    const user = userEvent.setup()
    renderListings()

    await user.click(await screen.findByRole('button', { name: 'Remove Galaxy S23 128 GB' }))
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove' }))

    expect(await within(screen.getByRole('dialog')).findByText('Listing has open orders')).toBeInTheDocument()
    expect(screen.queryByText(/is removed from the market/)).not.toBeInTheDocument()
  })

  it('asks an account without a store to open one first', async () => {
    renderWithProviders(<MyListingsPage />, { route: '/selling', path: '/selling', preloadedState: signedInState() })

    expect(await screen.findByRole('heading', { level: 1, name: 'Open a store to sell' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Open my store' })).toHaveAttribute('href', '/account?tab=selling')
  })
})
