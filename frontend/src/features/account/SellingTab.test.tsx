import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'

import { me, signedInState } from '../../test/fixtures'
import { api, problem } from '../../test/handlers'
import { renderWithProviders } from '../../test/renderWithProviders'
import { server } from '../../test/server'
import { AccountPage } from './AccountPage'

function renderSelling() {
  return renderWithProviders(<AccountPage />, {
    route: '/account?tab=selling',
    path: '/account',
    preloadedState: signedInState(),
  })
}

describe('Selling tab', () => {
  it("explains the server's 403 when the email is not verified, and offers a new link", async () => {
    let resent = 0
    server.use(
      http.get(api('/users/me'), () => HttpResponse.json(me({ email_verified: false }))),
      http.post(api('/users/me/dealer'), () =>
        problem(403, 'Email address not verified', 'Verify your email address before you open a store.'),
      ),
      http.post(api('/auth/email/verify/resend'), () => {
        resent += 1
        return new HttpResponse(null, { status: 202 })
      }),
    )
    const user = userEvent.setup()
    renderSelling()

    expect(await screen.findByText(/Selling needs a verified email address/)).toBeInTheDocument()
    await user.type(screen.getByLabelText(/^Store name/), 'Ada’s Phones')
    await user.click(screen.getByRole('button', { name: 'Open my store' }))

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Email address not verified')
    expect(alert).toHaveTextContent('Verify your email address before you open a store.')
    await waitFor(() => expect(alert).toHaveFocus())
    expect(screen.queryByRole('region', { name: 'Your store' })).not.toBeInTheDocument()

    await user.click(within(alert).getByRole('button', { name: 'Resend email' }))
    expect(await screen.findByText('We sent a new link to ada@example.com.')).toBeInTheDocument()
    expect(resent).toBe(1)
  })

  it('opens a store and shows its address', async () => {
    let sent: unknown
    server.use(
      http.post(api('/users/me/dealer'), async ({ request }) => {
        sent = await request.json()
        return HttpResponse.json(
          {
            id: 'd-77',
            user_id: 'u1',
            store_name: 'Ada’s Phones',
            description: null,
            city: 'Berlin',
            country: 'DE',
            created_at: '2025-11-25T12:00:00Z',
          },
          { status: 201 },
        )
      }),
    )
    const user = userEvent.setup()
    renderSelling()

    await user.type(await screen.findByLabelText(/^Store name/), 'Ada’s Phones')
    await user.type(screen.getByLabelText(/^City/), 'Berlin')
    await user.selectOptions(screen.getByLabelText(/^Country/), 'Germany')
    await user.click(screen.getByRole('button', { name: 'Open my store' }))

    const store = await screen.findByRole('region', { name: 'Your store' })
    expect(within(store).getByRole('link', { name: '/dealers/d-77' })).toHaveAttribute('href', '/dealers/d-77')
    expect(sent).toEqual({ store_name: 'Ada’s Phones', city: 'Berlin', country: 'DE' })
  })

  it('shows the store of an account that already sells', async () => {
    server.use(http.get(api('/users/me'), () => HttpResponse.json(me({ roles: ['buyer', 'seller'], dealer_id: 'd-1' }))))
    renderSelling()

    const store = await screen.findByRole('region', { name: 'Your store' })
    expect(within(store).getByRole('link', { name: '/dealers/d-1' })).toBeInTheDocument()
    expect(within(store).getByRole('link', { name: 'My listings' })).toHaveAttribute('href', '/selling')
    expect(within(store).getByRole('link', { name: 'New listing' })).toHaveAttribute('href', '/selling/new')
    expect(screen.queryByRole('button', { name: 'Open my store' })).not.toBeInTheDocument()
  })
})
