import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'

import type { NotificationPreferenceChange } from '../../api/types'
import { notification, notificationPreferences, notifications, signedInState } from '../../test/fixtures'
import { api, problem } from '../../test/handlers'
import { renderWithProviders } from '../../test/renderWithProviders'
import { server } from '../../test/server'
import { setViewportWidth } from '../../test/viewport'
import { NotificationSettingsPage } from './NotificationSettingsPage'
import { NotificationsPage } from './NotificationsPage'

afterEach(() => {
  vi.unstubAllGlobals()
})

function renderList(route = '/notifications') {
  return renderWithProviders(<NotificationsPage />, { route, path: '/notifications', preloadedState: signedInState() })
}

describe('NotificationsPage', () => {
  it('lists the notifications, unread ones marked, with more pages on demand', async () => {
    const cursors: (string | null)[] = []
    const older = notification({ id: 'n4', kind: 'payout_sent', title: 'Your payout is on its way', link: '/selling/payouts', read: true, read_at: '2025-11-20T10:00:00Z', created_at: '2025-11-20T09:00:00Z' })
    server.use(
      http.get(api('/notifications'), ({ request }) => {
        const cursor = new URL(request.url).searchParams.get('cursor')
        cursors.push(cursor)
        return HttpResponse.json(
          cursor === 'page-2'
            ? { items: [older], next_cursor: null, unread: 2 }
            : { items: notifications, next_cursor: 'page-2', unread: 2 },
        )
      }),
    )
    const user = userEvent.setup()
    renderList()

    const list = await screen.findByRole('list', { name: 'Notifications' })
    const rows = within(list).getAllByRole('listitem')
    expect(rows).toHaveLength(3)
    expect(within(rows[0]!).getByRole('link', { name: 'Unread: Your order has shipped' })).toHaveAttribute('href', '/orders/ord-2/tracking')
    expect(rows[0]).toHaveTextContent('Shipped ·')
    expect(within(rows[2]!).getByRole('link', { name: 'Thank you for your order' })).toBeInTheDocument()
    expect(within(rows[2]!).queryByRole('button', { name: /as read/ })).not.toBeInTheDocument()
    expect(screen.getByText('2 unread')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Load more' }))
    expect(await within(list).findByRole('link', { name: 'Your payout is on its way' })).toBeInTheDocument()
    expect(cursors).toEqual([null, 'page-2'])
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument()
  })

  it('marks one read, and all read', async () => {
    const calls: string[] = []
    let allRead = false
    server.use(
      http.post(api('/notifications/:id/read'), ({ params }) => {
        calls.push(`read ${String(params.id)}`)
        return HttpResponse.json({ ...notifications.find((entry) => entry.id === params.id)!, read: true, read_at: '2025-11-27T12:00:00Z' })
      }),
      http.post(api('/notifications/read-all'), () => {
        calls.push('read-all')
        allRead = true
        return HttpResponse.json({ marked: 1, unread: 0 })
      }),
      http.get(api('/notifications'), () =>
        HttpResponse.json({
          items: allRead ? notifications.map((entry) => ({ ...entry, read: true })) : notifications,
          next_cursor: null,
          unread: allRead ? 0 : 2,
        }),
      ),
      http.get(api('/notifications/unread-count'), () => HttpResponse.json({ unread: allRead ? 0 : 2 })),
    )
    const user = userEvent.setup()
    renderList()

    await user.click(await screen.findByRole('button', { name: 'Mark “Your order has shipped” as read' }))
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Mark “Your order has shipped” as read' })).not.toBeInTheDocument())
    expect(screen.getByRole('link', { name: 'Your order has shipped' })).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Mark all as read' }))
    expect(await screen.findByText('You have read everything.')).toBeInTheDocument()
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Mark “/ })).not.toBeInTheDocument())
    expect(screen.getByRole('button', { name: 'Mark all as read' })).toBeDisabled()
    expect(calls).toEqual(['read n1', 'read-all'])
  })

  it('shows only unread ones when asked', async () => {
    const asked: (string | null)[] = []
    server.use(
      http.get(api('/notifications'), ({ request }) => {
        asked.push(new URL(request.url).searchParams.get('unread_only'))
        return HttpResponse.json({ items: notifications.filter((entry) => !entry.read), next_cursor: null, unread: 2 })
      }),
    )
    const user = userEvent.setup()
    const { router } = renderList()

    await screen.findByRole('list', { name: 'Notifications' })
    await user.click(screen.getByRole('switch', { name: 'Unread only' }))

    await waitFor(() => expect(asked).toEqual([null, 'true']))
    expect(router.state.location.search).toBe('?unread=1')
  })
})

describe('NotificationSettingsPage', () => {
  function renderSettings() {
    return renderWithProviders(<NotificationSettingsPage />, {
      route: '/account/notifications',
      path: '/account/notifications',
      preloadedState: signedInState(),
    })
  }

  it('has a switch per kind and channel; changing one sends PUT', async () => {
    const sent: NotificationPreferenceChange[][] = []
    server.use(
      http.put(api('/notifications/preferences'), async ({ request }) => {
        const changes = (await request.json()) as NotificationPreferenceChange[]
        sent.push(changes)
        // The answer is the whole table, with the change.
        return HttpResponse.json({
          items: notificationPreferences.map((item) => {
            const change = changes.find((entry) => entry.kind === item.kind && entry.channel === item.channel)
            return change ? { ...item, enabled: change.enabled } : item
          }),
        })
      }),
    )
    const user = userEvent.setup()
    renderSettings()

    const table = await screen.findByRole('table', { name: 'Notification settings' })
    expect(within(table).getByRole('columnheader', { name: 'In the app' })).toBeInTheDocument()
    expect(within(table).getByRole('columnheader', { name: 'Email' })).toBeInTheDocument()
    expect(within(table).getByRole('switch', { name: 'Shipped: Email' })).toBeChecked()
    const priceDropEmail = within(table).getByRole('switch', { name: 'Price drops: Email' })
    expect(priceDropEmail).not.toBeChecked()

    await user.click(priceDropEmail)

    await waitFor(() => expect(sent).toEqual([[{ kind: 'price_drop', channel: 'email', enabled: true }]]))
    await waitFor(() => expect(within(table).getByRole('switch', { name: 'Price drops: Email' })).toBeChecked())

    await user.click(within(table).getByRole('switch', { name: 'Delivered: In the app' }))
    await waitFor(() => expect(sent).toHaveLength(2))
    expect(sent[1]).toEqual([{ kind: 'delivered', channel: 'in_app', enabled: false }])
  })

  it('shows security messages locked on, with the reason', async () => {
    renderSettings()

    const table = await screen.findByRole('table', { name: 'Notification settings' })
    for (const name of ['Password reset: Email', 'Password reset: In the app', 'New sign-ins: Email']) {
      const locked = within(table).getByRole('switch', { name })
      expect(locked).toBeDisabled()
      expect(locked).toBeChecked()
      expect(locked).toHaveAccessibleDescription('Security messages cannot be turned off: they tell you when someone else acts.')
    }
  })

  it('puts a switch back and says so when the server refuses', async () => {
    server.use(http.put(api('/notifications/preferences'), () => problem(503, 'TechMarket is busy', 'Try again in a minute.')))
    const user = userEvent.setup()
    renderSettings()

    const table = await screen.findByRole('table', { name: 'Notification settings' })
    await user.click(within(table).getByRole('switch', { name: 'Shipped: Email' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('Your change was not saved: TechMarket is busy')
    expect(within(table).getByRole('switch', { name: 'Shipped: Email' })).toBeChecked()
  })

  it('fits a phone: the table scrolls inside its card rather than the page', async () => {
    setViewportWidth(375)
    renderSettings()

    const table = await screen.findByRole('table', { name: 'Notification settings' })
    expect(table.parentElement?.className).toMatch(/overflow-x-auto/)
  })
})
