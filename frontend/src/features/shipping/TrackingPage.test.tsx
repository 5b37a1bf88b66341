import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { signedInState, tokenPair, tracking, trackingEvent } from '../../test/fixtures'
import { eventStreamChannel } from '../../test/eventStream'
import { api, problem } from '../../test/handlers'
import { renderWithProviders } from '../../test/renderWithProviders'
import { server } from '../../test/server'
import { setViewportWidth } from '../../test/viewport'
import { OrderPage } from '../orders/OrderPage'
import { formatDay } from './shippingLabels'
import { TrackingPage } from './TrackingPage'

/** The tracking stream of ord-2 as a channel the test pushes to; starts with `first`. */
function serveStream(first = tracking()) {
  const channel = eventStreamChannel()
  server.use(http.get(api('/orders/:id/tracking/stream'), ({ request }) => channel.respond(request, [{ event: 'tracking', data: first }])))
  return channel
}

/** What each step says; the number in the icon of a step to come is hidden from screen readers. */
function stepTexts(steps: HTMLElement) {
  return within(steps)
    .getAllByRole('listitem')
    .map((step) => step.textContent?.replace(/^\d/, ''))
}

function renderTracking(route = '/orders/ord-2/tracking') {
  return renderWithProviders(<TrackingPage />, { route, path: '/orders/:id/tracking', preloadedState: signedInState() })
}

const outForDelivery = tracking({
  status: 'out_for_delivery',
  events: [
    ...tracking().events,
    trackingEvent({ status: 'out_for_delivery', description: 'Out for delivery with the courier', location: 'Berlin', occurred_at: '2025-11-28T07:00:00Z' }),
  ],
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('TrackingPage', () => {
  it('shows the status, the estimate, the steps and the history, newest first', async () => {
    const channel = serveStream()
    renderTracking()

    expect(await screen.findByText('Expected by', { exact: false })).toHaveTextContent(`Expected by ${formatDay('2025-11-29')}`)
    const steps = screen.getByRole('list', { name: 'Delivery progress' })
    expect(stepTexts(steps)).toEqual([
      'Label created (done)',
      'Picked up (done)',
      'In transitNow',
      'Out for delivery (to come)',
      'Delivered (to come)',
    ])
    expect(within(steps).getByText('In transit').closest('li')).toHaveAttribute('aria-current', 'step')
    const history = screen.getByRole('list', { name: 'Tracking history' })
    const scans = within(history).getAllByRole('listitem')
    expect(scans).toHaveLength(3)
    expect(scans[0]).toHaveTextContent('In transitArrived at the sorting centre')
    expect(scans[0]).toHaveTextContent('Leipzig')
    expect(scans[2]).toHaveTextContent('Label created')
    const parcel = screen.getByRole('region', { name: 'Parcel' })
    expect(within(parcel).getByRole('link', { name: /TMSB0001234567/ })).toHaveAttribute(
      'href',
      'http://localhost:8000/sandbox/carrier/track/TMSB0001234567',
    )
    expect(screen.getByRole('link', { name: 'Order' })).toHaveAttribute('href', '/account/orders/ord-2')
    await waitFor(() => expect(channel.tokens).toEqual(['Bearer access-1']))
  })

  it('updates live when the carrier reports, and says so to screen readers', async () => {
    const channel = serveStream()
    renderTracking()

    expect(await screen.findByText('Live')).toBeInTheDocument()
    const live = screen.getByRole('status')
    // The state the stream starts with is what the page shows already: nothing to announce.
    expect(live).toHaveTextContent('')

    channel.send({ event: 'tracking', data: outForDelivery })

    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Tracking history' })).getAllByRole('listitem')).toHaveLength(4))
    await waitFor(() =>
      expect(live).toHaveTextContent('Parcel status: Out for delivery. Out for delivery with the courier, Berlin'),
    )
    const steps = screen.getByRole('list', { name: 'Delivery progress' })
    expect(within(steps).getByText('Out for delivery').closest('li')).toHaveAttribute('aria-current', 'step')

    channel.send({
      event: 'tracking',
      data: tracking({
        status: 'delivered',
        events: [...outForDelivery.events, trackingEvent({ status: 'delivered', description: 'Delivered to the front door', occurred_at: '2025-11-28T11:00:00Z' })],
      }),
    })

    await waitFor(() => expect(live).toHaveTextContent('Parcel status: Delivered. Delivered to the front door'))
    // The announcement and the steps may land in different renders: wait for the steps too.
    await waitFor(() =>
      expect(stepTexts(screen.getByRole('list', { name: 'Delivery progress' }))).toEqual([
        'Label created (done)',
        'Picked up (done)',
        'In transit (done)',
        'Out for delivery (done)',
        'Delivered (done)',
      ]),
    )
    expect(screen.queryByText('Expected by', { exact: false })).not.toBeInTheDocument()
  })

  it('shows an exception as an error step', async () => {
    const problemTracking = tracking({
      status: 'delivery_exception',
      events: [...tracking().events, trackingEvent({ status: 'delivery_exception', description: 'Address not found', occurred_at: '2025-11-28T09:00:00Z' })],
    })
    server.use(http.get(api('/orders/:id/tracking'), () => HttpResponse.json(problemTracking)))
    serveStream(problemTracking)
    renderTracking()

    const steps = await screen.findByRole('list', { name: 'Delivery progress' })
    const failed = within(steps).getByText('Delivery problem').closest('li')
    expect(failed).toHaveAttribute('aria-current', 'step')
    expect(failed).toHaveTextContent('Needs attention')
    expect(stepTexts(steps)).toEqual([
      'Label created (done)',
      'Picked up (done)',
      'In transit (done)',
      'Delivery problemNeeds attention',
      'Delivered (to come)',
    ])
  })

  it('reconnects with a fresh token after the stream answers 401', async () => {
    const channel = eventStreamChannel()
    const refreshes: number[] = []
    server.use(
      http.get(api('/orders/:id/tracking/stream'), ({ request }) => {
        if (request.headers.get('Authorization') !== 'Bearer access-2') {
          channel.tokens.push(request.headers.get('Authorization'))
          return problem(401, 'Token expired', 'Sign in again.')
        }
        return channel.respond(request, [{ event: 'tracking', data: tracking() }])
      }),
      http.post(api('/auth/refresh'), () => {
        refreshes.push(Date.now())
        return HttpResponse.json(tokenPair('access-2'))
      }),
    )
    const { store } = renderTracking()

    expect(await screen.findByText('Live')).toBeInTheDocument()
    expect(channel.tokens).toEqual(['Bearer access-1', 'Bearer access-2'])
    expect(refreshes).toHaveLength(1)
    expect(store.getState().auth.accessToken).toBe('access-2')

    channel.send({ event: 'tracking', data: outForDelivery })
    expect(await screen.findByText('Out for delivery with the courier')).toBeInTheDocument()
  })

  it('connects again when the connection drops, and shows what it missed', async () => {
    const channel = eventStreamChannel()
    let current = tracking()
    server.use(http.get(api('/orders/:id/tracking/stream'), ({ request }) => channel.respond(request, [{ event: 'tracking', data: current }])))
    renderTracking()

    expect(await screen.findByText('Live')).toBeInTheDocument()
    current = outForDelivery
    channel.closeAll()

    // The server sends the whole current state first on every connection.
    expect(await screen.findByText('Out for delivery with the courier')).toBeInTheDocument()
    expect(channel.tokens).toEqual(['Bearer access-1', 'Bearer access-1'])
    expect(screen.getByText('Live')).toBeInTheDocument()
  })

  it('closes the stream when the page goes away', async () => {
    const channel = serveStream()
    const { unmount } = renderTracking()

    expect(await screen.findByText('Live')).toBeInTheDocument()
    expect(channel.openCount).toBe(1)
    unmount()
    await waitFor(() => expect(channel.openCount).toBe(0))
  })

  it('says when nothing is shipped yet', async () => {
    renderTracking('/orders/ord-1/tracking')

    expect(await screen.findByText(/has not been shipped yet/)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Back to the order' })).toHaveAttribute('href', '/account/orders/ord-1')
  })

  it('leads back to the sale when the seller came from it', async () => {
    serveStream(tracking({ order_id: 'sale-2' }))
    renderTracking('/orders/sale-2/tracking?from=sale')

    expect(await screen.findByRole('link', { name: 'Sale' })).toHaveAttribute('href', '/selling/sales/sale-2')
  })

  it('stacks the steps on a phone', async () => {
    setViewportWidth(375)
    serveStream()
    renderTracking()

    const steps = await screen.findByRole('list', { name: 'Delivery progress' })
    expect(steps.className).toMatch(/MuiStepper-vertical/)
  })
})

describe('TrackingCard on the order page', () => {
  it('shows where the parcel is and leads to the tracking page', async () => {
    renderWithProviders(<OrderPage />, { route: '/account/orders/ord-2', path: '/account/orders/:id', preloadedState: signedInState() })

    const card = await screen.findByRole('region', { name: 'Tracking' })
    await waitFor(() => expect(card).toHaveTextContent('In transit'))
    expect(card).toHaveTextContent(`Expected${formatDay('2025-11-29')}`)
    expect(card).toHaveTextContent('TechMarket Shipping, Standard')
    expect(within(card).getByRole('link', { name: 'Follow your parcel' })).toHaveAttribute('href', '/orders/ord-2/tracking')
  })

  it('moves live while the parcel is on its way', async () => {
    const channel = serveStream()
    renderWithProviders(<OrderPage />, { route: '/account/orders/ord-2', path: '/account/orders/:id', preloadedState: signedInState() })

    const card = await screen.findByRole('region', { name: 'Tracking' })
    await waitFor(() => expect(card).toHaveTextContent('In transit'))
    await waitFor(() => expect(channel.openCount).toBe(1))

    channel.send({ event: 'tracking', data: outForDelivery })

    await waitFor(() => expect(card).toHaveTextContent('Out for delivery'))
    expect(within(card).getByRole('status')).toHaveTextContent('Parcel status: Out for delivery. Out for delivery with the courier, Berlin')
  })

  it('is not shown before the order ships', async () => {
    renderWithProviders(<OrderPage />, { route: '/account/orders/ord-1', path: '/account/orders/:id', preloadedState: signedInState() })

    expect(await screen.findByRole('region', { name: 'Items' })).toBeInTheDocument()
    expect(screen.queryByRole('region', { name: 'Tracking' })).not.toBeInTheDocument()
  })
})
