import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'

import type { ShipmentCreate } from '../../api/types'
import { formatPrice } from '../../components/Price'
import { dispute, me, sale, signedInState } from '../../test/fixtures'
import { api } from '../../test/handlers'
import { renderWithProviders } from '../../test/renderWithProviders'
import { server } from '../../test/server'
import { SalePage } from './SalePage'
import { SalesPage } from './SalesPage'

beforeEach(() => {
  server.use(http.get(api('/users/me'), () => HttpResponse.json(me({ dealer_id: 'd1', roles: ['buyer', 'seller'] }))))
})

function renderSale(id = 'sale-1') {
  return renderWithProviders(<SalePage />, { route: `/selling/sales/${id}`, path: '/selling/sales/:id', preloadedState: signedInState() })
}

describe('SalesPage', () => {
  it('lists the sales with the fee and what the seller receives, filtered by status', async () => {
    const asked: (string | null)[] = []
    server.use(
      http.get(api('/sales'), ({ request }) => {
        const status = new URL(request.url).searchParams.get('status')
        asked.push(status)
        return HttpResponse.json({ items: status === 'shipped' ? [sale({ id: 'sale-2', status: 'shipped' })] : [sale()], next_cursor: null })
      }),
    )
    const user = userEvent.setup()
    const { router } = renderWithProviders(<SalesPage />, { route: '/selling/sales', preloadedState: signedInState() })

    const list = await screen.findByRole('region', { name: 'Sales' })
    const row = await within(list).findByRole('listitem')
    expect(row).toHaveTextContent(
      `Total ${formatPrice(130390, 'EUR')} · fee ${formatPrice(12990, 'EUR')} · you receive ${formatPrice(117400, 'EUR')}`,
    )
    expect(within(row).getByRole('link', { name: /^View Sale to Ada Lovelace/ })).toHaveAttribute('href', '/selling/sales/sale-1')
    expect(screen.getByRole('navigation', { name: 'Selling' })).toBeInTheDocument()

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'shipped')
    await waitFor(() => expect(asked).toEqual([null, 'shipped']))
    expect(router.state.location.search).toBe('?status=shipped')
    expect(await within(list).findByText('Shipped')).toBeInTheDocument()
  })
})

describe('SalePage', () => {
  it('shows the fee and what the seller receives', async () => {
    renderSale()

    const items = await screen.findByRole('region', { name: 'Items' })
    expect(items).toHaveTextContent(`TechMarket fee− ${formatPrice(12990, 'EUR')}`)
    expect(items).toHaveTextContent(`You receive${formatPrice(117400, 'EUR')}`)
    expect(screen.getByRole('region', { name: 'Ship to' })).toHaveTextContent('12 Analytical Street')
  })

  it('marks a paid sale as shipped, checking the tracking number first', async () => {
    const shipped: ShipmentCreate[] = []
    server.use(
      http.post(api('/sales/:id/ship'), async ({ request }) => {
        const body = (await request.json()) as ShipmentCreate
        shipped.push(body)
        return HttpResponse.json(sale({ status: 'shipped', shipped_at: '2025-11-26T09:00:00Z' }))
      }),
    )
    const user = userEvent.setup({ delay: null })
    renderSale()

    await user.click(await screen.findByRole('button', { name: 'Mark as shipped' }))
    const dialog = await screen.findByRole('dialog', { name: 'Mark as shipped' })
    await user.type(within(dialog).getByRole('textbox', { name: 'Carrier' }), 'DHL')
    const tracking = within(dialog).getByRole('textbox', { name: 'Tracking number' })
    await user.type(tracking, 'JJ 123')
    await user.click(within(dialog).getByRole('button', { name: 'Mark as shipped' }))

    expect(tracking).toHaveAccessibleDescription('Use 6 to 40 letters, digits or dashes, without spaces.')
    expect(tracking).toHaveAttribute('aria-invalid', 'true')
    await waitFor(() => expect(tracking).toHaveFocus())
    expect(shipped).toEqual([])

    await user.clear(tracking)
    await user.type(tracking, 'JJD-0003400-1234')
    await user.click(within(dialog).getByRole('button', { name: 'Mark as shipped' }))

    expect(await screen.findByText('Marked as shipped. The buyer is told.')).toBeInTheDocument()
    expect(shipped).toEqual([{ carrier: 'DHL', tracking_number: 'JJD-0003400-1234' }])
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Mark as shipped' })).not.toBeInTheDocument())
  })

  it('ships without a tracking number too', async () => {
    const shipped: ShipmentCreate[] = []
    server.use(
      http.post(api('/sales/:id/ship'), async ({ request }) => {
        shipped.push((await request.json()) as ShipmentCreate)
        return HttpResponse.json(sale({ status: 'shipped' }))
      }),
    )
    const user = userEvent.setup()
    renderSale()

    await user.click(await screen.findByRole('button', { name: 'Mark as shipped' }))
    await user.click(within(await screen.findByRole('dialog', { name: 'Mark as shipped' })).getByRole('button', { name: 'Mark as shipped' }))

    await waitFor(() => expect(shipped).toEqual([{}]))
  })

  it('answers an open dispute once', async () => {
    server.use(
      http.get(api('/sales/:id'), () => HttpResponse.json(sale({ status: 'disputed' }))),
      http.get(api('/disputes'), () => HttpResponse.json({ items: [dispute({ order_id: 'sale-1' })], next_cursor: null })),
    )
    let answered: { id: string; statement: string } | undefined
    server.use(
      http.post(api('/disputes/:id/answer'), async ({ params, request }) => {
        const { statement } = (await request.json()) as { statement: string }
        answered = { id: String(params.id), statement }
        return HttpResponse.json(dispute({ order_id: 'sale-1', status: 'answered', seller_answer: statement }))
      }),
    )
    const user = userEvent.setup({ delay: null })
    renderSale()

    const panel = await screen.findByRole('region', { name: 'Dispute' })
    expect(panel).toHaveTextContent('The keyboard is missing two keys.')
    expect(screen.queryByRole('button', { name: 'Mark as shipped' })).not.toBeInTheDocument()
    await user.click(within(panel).getByRole('button', { name: 'Send answer' }))
    expect(within(panel).getByLabelText(/^Your answer/)).toHaveAccessibleDescription('Write your side of the story.')
    await user.type(within(panel).getByLabelText(/^Your answer/), 'All keys were there; see the packing photo.')
    await user.click(within(panel).getByRole('button', { name: 'Send answer' }))

    expect(await screen.findByText('Your answer is sent. TechMarket will decide.')).toBeInTheDocument()
    expect(answered).toEqual({ id: 'dsp-1', statement: 'All keys were there; see the packing photo.' })
    expect(panel).toHaveTextContent('Answered: TechMarket is reviewing both sides.')
    expect(within(panel).queryByRole('button', { name: 'Send answer' })).not.toBeInTheDocument()
  })
})
