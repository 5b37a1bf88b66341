import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { Sale, ShipmentCreate } from '../../api/types'
import { formatPrice } from '../../components/Price'
import { dispute, me, sale, signedInState } from '../../test/fixtures'
import { api, shipHandler } from '../../test/handlers'
import { renderWithProviders } from '../../test/renderWithProviders'
import { server } from '../../test/server'
import { setViewportWidth } from '../../test/viewport'
import { SalePage } from './SalePage'
import { SalesPage } from './SalesPage'

beforeEach(() => {
  server.use(http.get(api('/users/me'), () => HttpResponse.json(me({ dealer_id: 'd1', roles: ['buyer', 'seller'] }))))
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

/** `POST /sales/{id}/ship` recording its bodies, and `GET /sales/{id}` answering the shipped sale after it. */
function shipping(bodies: ShipmentCreate[]) {
  let shippedSale: Sale | null = null
  return [
    http.post(api('/sales/:id/ship'), async (info) => {
      bodies.push((await info.request.clone().json()) as ShipmentCreate)
      const response = await shipHandler(info)
      if (response.status === 200) shippedSale = (await response.clone().json()) as Sale
      return response
    }),
    http.get(api('/sales/:id'), () => (shippedSale ? HttpResponse.json(shippedSale) : HttpResponse.json(sale()))),
  ]
}

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

  it('buys a label with the chosen service, then shows the shipment and downloads the label', async () => {
    const shipped: ShipmentCreate[] = []
    const labelAuth: (string | null)[] = []
    server.use(
      ...shipping(shipped),
      http.get(api('/sales/:id/label'), ({ request }) => {
        labelAuth.push(request.headers.get('Authorization'))
        return new HttpResponse('%PDF-1.4', {
          headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="label-sale-1.pdf"' },
        })
      }),
    )
    const saved: { href: string; download: string }[] = []
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:label-1'), revokeObjectURL: vi.fn() }))
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ href: this.href, download: this.download })
    })
    const user = userEvent.setup({ delay: null })
    renderSale()

    await user.click(await screen.findByRole('button', { name: 'Ship' }))
    const dialog = await screen.findByRole('dialog', { name: 'Ship to Ada Lovelace' })
    expect(within(dialog).getByRole('radio', { name: 'Buy a shipping label from TechMarket' })).toBeChecked()
    expect(within(dialog).getByRole('radio', { name: 'Standard' })).toBeChecked()
    await user.click(within(dialog).getByRole('radio', { name: 'Express' }))
    await user.click(within(dialog).getByRole('button', { name: 'Buy label and ship' }))

    expect(await screen.findByText(/Your label is ready/)).toBeInTheDocument()
    expect(shipped).toEqual([{ service: 'express' }])
    const shipment = await screen.findByRole('region', { name: 'Shipment' })
    expect(within(shipment).getByRole('link', { name: /TMSB0009876543/ })).toHaveAttribute(
      'href',
      'http://localhost:8000/sandbox/carrier/track/TMSB0009876543',
    )
    expect(shipment).toHaveTextContent('TechMarket Shipping, Express')
    expect(shipment).toHaveTextContent('Label created')
    expect(within(shipment).getByRole('link', { name: 'Follow the parcel' })).toHaveAttribute('href', '/orders/sale-1/tracking?from=sale')
    expect(screen.queryByRole('button', { name: 'Ship' })).not.toBeInTheDocument()

    await user.click(within(shipment).getByRole('button', { name: 'Download label' }))
    await waitFor(() => expect(saved).toEqual([{ href: 'blob:label-1', download: 'label-sale-1.pdf' }]))
    expect(labelAuth).toEqual(['Bearer access-1'])
    click.mockRestore()
    vi.unstubAllGlobals()
  })

  it('ships with another carrier: asks for both fields, and shows the server’s format error on the tracking number', async () => {
    const shipped: ShipmentCreate[] = []
    server.use(
      ...shipping(shipped),
    )
    const user = userEvent.setup({ delay: null })
    renderSale()

    await user.click(await screen.findByRole('button', { name: 'Ship' }))
    const dialog = await screen.findByRole('dialog', { name: 'Ship to Ada Lovelace' })
    await user.click(within(dialog).getByRole('radio', { name: 'I sent it with another carrier' }))
    await user.click(within(dialog).getByRole('button', { name: 'Mark as shipped' }))
    const carrier = within(dialog).getByRole('combobox', { name: /^Carrier/ })
    const tracking = within(dialog).getByRole('textbox', { name: /^Tracking number/ })
    expect(carrier).toHaveAccessibleDescription('Choose the carrier.')
    expect(tracking).toHaveAccessibleDescription('Enter the tracking number from the receipt.')
    await waitFor(() => expect(carrier).toHaveFocus())
    expect(shipped).toEqual([])

    await user.selectOptions(carrier, 'dhl')
    await user.type(tracking, 'ABC123')
    await user.click(within(dialog).getByRole('button', { name: 'Mark as shipped' }))
    await waitFor(() => expect(tracking).toHaveAccessibleDescription('This is not a DHL tracking number.'))
    expect(tracking).toHaveAttribute('aria-invalid', 'true')
    await waitFor(() => expect(tracking).toHaveFocus())

    await user.clear(tracking)
    await user.type(tracking, '1234567890')
    await user.click(within(dialog).getByRole('button', { name: 'Mark as shipped' }))

    expect(await screen.findByText('Marked as shipped. The buyer is told and can follow the parcel.')).toBeInTheDocument()
    expect(shipped).toEqual([
      { carrier: 'dhl', tracking_number: 'ABC123' },
      { carrier: 'dhl', tracking_number: '1234567890' },
    ])
    const shipment = await screen.findByRole('region', { name: 'Shipment' })
    expect(shipment).toHaveTextContent('DHL')
    expect(shipment).toHaveTextContent('1234567890')
    expect(within(shipment).queryByRole('button', { name: 'Download label' })).not.toBeInTheDocument()
  })

  it('opens the ship dialog full screen on a phone', async () => {
    setViewportWidth(375)
    const user = userEvent.setup({ delay: null })
    renderSale()

    await user.click(await screen.findByRole('button', { name: 'Ship' }))
    const dialog = await screen.findByRole('dialog', { name: 'Ship to Ada Lovelace' })
    expect(dialog.className).toMatch(/MuiDialog-paperFullScreen/)
    vi.unstubAllGlobals()
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
    expect(screen.queryByRole('button', { name: 'Ship' })).not.toBeInTheDocument()
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
