import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'

import type { AppNotification } from '../../api/types'
import { notification, notifications, signedInState, signedOutState } from '../../test/fixtures'
import { eventStreamChannel } from '../../test/eventStream'
import { api } from '../../test/handlers'
import { renderWithProviders } from '../../test/renderWithProviders'
import { server } from '../../test/server'
import { setViewportWidth } from '../../test/viewport'
import { Header } from '../layout/Header'

/** The bell's stream as a channel the test pushes to; it starts with `{ unread }`. */
function serveStream(unread: number) {
  const channel = eventStreamChannel()
  server.use(http.get(api('/notifications/stream'), ({ request }) => channel.respond(request, [{ event: 'unread', data: { unread } }])))
  return channel
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('NotificationBell', () => {
  it('shows the unread count, kept live by the stream', async () => {
    const channel = serveStream(2)
    renderWithProviders(<Header />, { preloadedState: signedInState() })

    expect(await screen.findByRole('button', { name: 'Notifications, 2 unread' })).toBeInTheDocument()
    await waitFor(() => expect(channel.tokens).toEqual(['Bearer access-1']))

    channel.send({ event: 'unread', data: { unread: 5 } })
    expect(await screen.findByRole('button', { name: 'Notifications, 5 unread' })).toBeInTheDocument()

    channel.send({
      event: 'notification',
      data: { notification: notification({ id: 'n9', title: 'Your parcel is out for delivery' }), unread: 6 },
    })
    expect(await screen.findByRole('button', { name: 'Notifications, 6 unread' })).toHaveTextContent('6')

    channel.send({ event: 'unread', data: { unread: 0 } })
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeInTheDocument()
  })

  it('lists the newest notifications; choosing one marks it read and follows its link', async () => {
    serveStream(2)
    const read: string[] = []
    const limits: (string | null)[] = []
    server.use(
      http.get(api('/notifications'), ({ request }) => {
        limits.push(new URL(request.url).searchParams.get('limit'))
        return HttpResponse.json({ items: notifications, next_cursor: null, unread: 2 })
      }),
      http.post(api('/notifications/:id/read'), ({ params }) => {
        read.push(String(params.id))
        const found = notifications.find((entry) => entry.id === params.id)!
        return HttpResponse.json({ ...found, read: true, read_at: '2025-11-27T12:00:00Z' })
      }),
    )
    const user = userEvent.setup()
    const { router } = renderWithProviders(<Header />, { preloadedState: signedInState() })

    await user.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }))
    const menu = await screen.findByRole('menu', { name: 'Latest notifications' })
    const shipped = await within(menu).findByRole('menuitem', { name: /^Unread: Your order has shipped/ })
    expect(shipped).toHaveAttribute('href', '/orders/ord-2/tracking')
    expect(within(menu).getByRole('menuitem', { name: /^Thank you for your order/ })).toBeInTheDocument()
    expect(within(menu).getByRole('menuitem', { name: 'See all notifications' })).toHaveAttribute('href', '/notifications')
    expect(within(menu).getByRole('menuitem', { name: 'Notification settings' })).toHaveAttribute('href', '/account/notifications')

    await user.click(shipped)
    expect(router.state.location.pathname).toBe('/orders/ord-2/tracking')
    await waitFor(() => expect(read).toEqual(['n1']))
    expect(limits).toEqual(['5'])
    await waitFor(() => expect(screen.queryByRole('menu')).not.toBeInTheDocument())
  })

  it('refreshes the open menu when a notification arrives', async () => {
    const channel = serveStream(2)
    let latest: AppNotification[] = notifications
    server.use(http.get(api('/notifications'), () => HttpResponse.json({ items: latest, next_cursor: null, unread: 2 })))
    const user = userEvent.setup()
    renderWithProviders(<Header />, { preloadedState: signedInState() })

    await user.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }))
    const menu = await screen.findByRole('menu', { name: 'Latest notifications' })
    await within(menu).findByRole('menuitem', { name: /Your order has shipped/ })

    const arrived = notification({ id: 'n9', kind: 'out_for_delivery', title: 'Your parcel is out for delivery' })
    latest = [arrived, ...notifications]
    channel.send({ event: 'notification', data: { notification: arrived, unread: 3 } })

    expect(await within(menu).findByRole('menuitem', { name: /^Unread: Your parcel is out for delivery/ })).toBeInTheDocument()
    // The menu is modal: the bell behind it is hidden from the accessibility tree meanwhile.
    expect(screen.getByRole('button', { name: 'Notifications, 3 unread', hidden: true })).toBeInTheDocument()
  })

  it('is there on a phone too, and not when signed out', async () => {
    setViewportWidth(375)
    const first = renderWithProviders(<Header />, { preloadedState: signedInState() })
    expect(await screen.findByRole('button', { name: /^Notifications/ })).toBeInTheDocument()
    first.unmount()

    renderWithProviders(<Header />, { preloadedState: signedOutState() })
    expect(screen.queryByRole('button', { name: /^Notifications/ })).not.toBeInTheDocument()
  })
})
