import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'

import type { DisputeCreate, OrderStatus } from '../../api/types'
import { formatPrice } from '../../components/Price'
import { dispute, order, signedInState } from '../../test/fixtures'
import { api } from '../../test/handlers'
import { renderWithProviders } from '../../test/renderWithProviders'
import { server } from '../../test/server'
import { OrderPage } from './OrderPage'
import { OrdersPage } from './OrdersPage'

function renderOrder(id = 'ord-1') {
  return renderWithProviders(<OrderPage />, {
    route: `/account/orders/${id}`,
    path: '/account/orders/:id',
    preloadedState: signedInState(),
  })
}

function serveOrder(status: OrderStatus) {
  server.use(http.get(api('/orders/:id'), ({ params }) => HttpResponse.json(order({ id: String(params.id), status }))))
}

describe('OrdersPage', () => {
  it('lists the orders with their status, items and total', async () => {
    renderWithProviders(<OrdersPage />, { route: '/account/orders', preloadedState: signedInState() })

    const list = await screen.findByRole('list', { name: 'Orders' })
    const rows = within(list).getAllByRole('listitem')
    expect(rows).toHaveLength(2)
    expect(rows[0]).toHaveTextContent('Nordic Phones')
    expect(rows[0]).toHaveTextContent('Paid')
    expect(rows[0]).toHaveTextContent(formatPrice(130390, 'EUR'))
    expect(rows[1]).toHaveTextContent('Shipped')
    expect(within(rows[1] as HTMLElement).getByRole('link', { name: 'Laptop Corner' })).toHaveAttribute('href', '/account/orders/ord-2')
  })
})

describe('OrderPage', () => {
  it('shows the items, totals, address and an accessible timeline', async () => {
    renderOrder()

    expect(await screen.findByRole('heading', { level: 1, name: 'Order from Nordic Phones' })).toBeInTheDocument()
    const items = screen.getByRole('region', { name: 'Items' })
    expect(items).toHaveTextContent('1 × iPhone 15 Pro 256 GB (256 GB, Natural titanium)')
    expect(items).toHaveTextContent(`Shipping${formatPrice(490, 'EUR')}`)
    expect(items).toHaveTextContent(`Total${formatPrice(130390, 'EUR')}`)
    expect(screen.getByRole('region', { name: 'Delivery address' })).toHaveTextContent('12 Analytical Street')
    const timeline = screen.getByRole('list', { name: 'Order timeline' })
    expect(within(timeline).getAllByRole('listitem').map((item) => item.firstChild?.textContent)).toEqual([
      'Awaiting payment',
      'Paid',
    ])
  })

  it.each<[OrderStatus, string[]]>([
    ['pending_payment', ['Cancel order']],
    ['paid', ['Cancel order']],
    ['shipped', ['Confirm delivery', 'Open a dispute']],
    ['delivered', ['Confirm delivery', 'Open a dispute']],
    ['completed', []],
    ['cancelled', []],
    ['refunded', []],
    ['disputed', []],
  ])('offers the actions of a %s order', async (status, actions) => {
    serveOrder(status)
    renderOrder()

    await screen.findByRole('heading', { level: 1, name: 'Order from Nordic Phones' })
    const group = screen.queryByRole('group', { name: 'Order actions' })
    expect(group ? within(group).getAllByRole('button').map((button) => button.textContent) : []).toEqual(actions)
  })

  it('cancels a paid order after asking, and says what is refunded', async () => {
    let cancels = 0
    server.use(
      http.post(api('/orders/:id/cancel'), () => {
        cancels += 1
        return HttpResponse.json(order({ status: 'cancelled', refunded_total: 130390 }))
      }),
    )
    const user = userEvent.setup()
    renderOrder()

    await user.click(await screen.findByRole('button', { name: 'Cancel order' }))
    const dialog = await screen.findByRole('dialog', { name: 'Cancel this order?' })
    expect(dialog).toHaveTextContent(`Nordic Phones will not ship it, and ${formatPrice(130390, 'EUR')} is refunded to your card.`)
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(cancels).toBe(0)

    await user.click(screen.getByRole('button', { name: 'Cancel order' }))
    await user.click(within(await screen.findByRole('dialog', { name: 'Cancel this order?' })).getByRole('button', { name: 'Cancel order' }))

    expect(await screen.findByText(`Your order is cancelled. ${formatPrice(130390, 'EUR')} is refunded to your card.`)).toBeInTheDocument()
    expect(cancels).toBe(1)
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Order actions' })).not.toBeInTheDocument())
  })

  it('confirms the delivery of a shipped order', async () => {
    serveOrder('shipped')
    let confirmed: string | undefined
    server.use(
      http.post(api('/orders/:id/confirm-delivery'), ({ params }) => {
        confirmed = String(params.id)
        return HttpResponse.json(order({ id: String(params.id), status: 'completed' }))
      }),
    )
    const user = userEvent.setup()
    renderOrder('ord-2')

    await user.click(await screen.findByRole('button', { name: 'Confirm delivery' }))
    await user.click(within(await screen.findByRole('dialog', { name: 'Confirm the delivery?' })).getByRole('button', { name: 'Confirm delivery' }))

    expect(await screen.findByText('Thank you. Nordic Phones is paid now.')).toBeInTheDocument()
    expect(confirmed).toBe('ord-2')
  })

  it('opens a dispute with a reason, a statement and a photo, then shows it on the order', async () => {
    serveOrder('shipped')
    const sent: DisputeCreate[] = []
    const photos: string[] = []
    server.use(
      http.post(api('/orders/:id/disputes'), async ({ params, request }) => {
        const body = (await request.json()) as DisputeCreate
        sent.push(body)
        return HttpResponse.json(dispute({ id: 'dsp-9', order_id: String(params.id), reason: body.reason, buyer_statement: body.statement }), {
          status: 201,
        })
      }),
      http.post(api('/disputes/:id/photos'), async ({ params, request }) => {
        const file = (await request.formData()).get('file')
        // jsdom's File reaches msw as another realm's Blob, without its name.
        photos.push(`${String(params.id)} ${typeof file === 'string' || file === null ? 'no file' : 'file'}`)
        return HttpResponse.json(
          dispute({
            id: 'dsp-9',
            order_id: 'ord-2',
            buyer_statement: 'Two keys are missing.',
            photos: [{ thumbnail_url: '/media/d/1-thumb.webp', full_url: '/media/d/1-full.webp' }],
          }),
          { status: 201 },
        )
      }),
    )
    const user = userEvent.setup({ delay: null })
    renderOrder('ord-2')

    await user.click(await screen.findByRole('button', { name: 'Open a dispute' }))
    const dialog = await screen.findByRole('dialog', { name: 'Open a dispute' })
    await user.click(within(dialog).getByRole('button', { name: 'Open dispute' }))
    expect(within(dialog).getByText('Choose what went wrong.')).toBeInTheDocument()
    expect(within(dialog).getByLabelText(/^Your statement/)).toHaveAccessibleDescription('Tell the seller and TechMarket what happened.')
    expect(sent).toEqual([])

    await user.click(within(dialog).getByRole('radio', { name: 'It is not as described' }))
    await user.type(within(dialog).getByLabelText(/^Your statement/), 'Two keys are missing.')
    await user.upload(within(dialog).getByLabelText('Photos (optional)'), new File(['jpg'], 'keys.jpg', { type: 'image/jpeg' }))
    expect(dialog).toHaveTextContent('1 photo chosen: keys.jpg')
    await user.click(within(dialog).getByRole('button', { name: 'Open dispute' }))

    expect(await screen.findByText('Your dispute is open. The seller is asked to answer.')).toBeInTheDocument()
    expect(sent).toEqual([{ reason: 'not_as_described', statement: 'Two keys are missing.' }])
    expect(photos).toEqual(['dsp-9 file'])
    const panel = await screen.findByRole('region', { name: 'Dispute' })
    expect(panel).toHaveTextContent('Not as described')
    expect(panel).toHaveTextContent('Open: waiting for the seller’s answer.')
    expect(panel).toHaveTextContent('Two keys are missing.')
    expect(within(panel).getByRole('img', { name: 'Photo 1 of 1' })).toHaveAttribute('src', '/media/d/1-thumb.webp')
    expect(screen.queryByRole('button', { name: 'Open a dispute' })).not.toBeInTheDocument()
  })

  it('shows where an existing dispute stands', async () => {
    serveOrder('disputed')
    server.use(
      http.get(api('/disputes'), () =>
        HttpResponse.json({
          items: [
            dispute({ id: 'other', order_id: 'ord-other', buyer_statement: 'Another order' }),
            dispute({ order_id: 'ord-2', status: 'answered', seller_answer: 'All keys were there when I shipped it.' }),
          ],
          next_cursor: null,
        }),
      ),
    )
    renderOrder('ord-2')

    const panel = await screen.findByRole('region', { name: 'Dispute' })
    expect(panel).toHaveTextContent('Answered: TechMarket is reviewing both sides.')
    expect(panel).toHaveTextContent('All keys were there when I shipped it.')
    expect(panel).not.toHaveTextContent('Another order')
  })
})
