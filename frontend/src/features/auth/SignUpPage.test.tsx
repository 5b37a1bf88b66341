import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'

import { api, problem, strengthOf } from '../../test/handlers'
import { renderWithProviders } from '../../test/renderWithProviders'
import { server } from '../../test/server'
import { SignUpPage } from './SignUpPage'

describe('SignUpPage', () => {
  it('updates the strength meter from the server as the password changes', async () => {
    const checked: { password: string; email?: string; display_name?: string }[] = []
    server.use(
      http.post(api('/auth/password/strength'), async ({ request }) => {
        const body = (await request.json()) as { password: string; email?: string; display_name?: string }
        checked.push(body)
        return HttpResponse.json(strengthOf(body.password))
      }),
    )
    const user = userEvent.setup()
    const { store } = renderWithProviders(<SignUpPage />, { route: '/sign-up' })

    await user.type(screen.getByLabelText(/^Email/), 'ada@example.com')
    await user.type(screen.getByLabelText(/^Display name/), 'Ada')
    await user.type(screen.getByLabelText(/^Password/, { selector: 'input' }), 'short1')

    const meter = await screen.findByRole('progressbar', { name: 'Password strength' })
    await waitFor(() => expect(meter).toHaveAttribute('aria-valuetext', 'Weak'))
    expect(meter).toHaveAttribute('aria-valuenow', '40')
    const reasons = screen.getByRole('list', { name: 'Why this password is weak' })
    expect(within(reasons).getByText('Use at least 12 characters.')).toBeInTheDocument()
    // Debounced: one check for the whole word, sent with the context the server scores against.
    expect(checked).toEqual([{ password: 'short1', email: 'ada@example.com', display_name: 'Ada' }])
    // The strength check is untracked: the password being typed stays out of the store.
    expect(JSON.stringify(store.getState())).not.toContain('short1')

    await user.type(screen.getByLabelText(/^Password/, { selector: 'input' }), ' correct horse battery')

    await waitFor(() => expect(meter).toHaveAttribute('aria-valuetext', 'Strong'))
    expect(meter).toHaveAttribute('aria-valuenow', '100')
    expect(screen.queryByRole('list', { name: 'Why this password is weak' })).not.toBeInTheDocument()
  })

  it("shows the server's password rules beside the field and moves focus there", async () => {
    server.use(
      http.post(api('/auth/register'), () =>
        problem(422, 'Your password is not accepted', 'Choose a stronger password.', {
          errors: [
            { field: 'password', in: 'body', message: 'Use at least 12 characters.', code: 'too_short' },
            { field: 'password', in: 'body', message: 'This password appears in known breaches.', code: 'breached' },
          ],
        }),
      ),
    )
    const user = userEvent.setup()
    renderWithProviders(<SignUpPage />, { route: '/sign-up' })

    await user.type(screen.getByLabelText(/^Email/), 'ada@example.com')
    await user.type(screen.getByLabelText(/^Display name/), 'Ada')
    await user.type(screen.getByLabelText(/^Password/, { selector: 'input' }), 'password1')
    await user.click(screen.getByRole('button', { name: 'Create account' }))

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Your password is not accepted')
    const password = screen.getByLabelText(/^Password/, { selector: 'input' })
    expect(password).toHaveAttribute('aria-invalid', 'true')
    expect(password).toHaveAccessibleDescription(
      'Use at least 12 characters.This password appears in known breaches.',
    )
    await waitFor(() => expect(password).toHaveFocus())
  })

  it('asks the new user to check their email after signing up', async () => {
    let sent: unknown
    server.use(
      http.post(api('/auth/register'), async ({ request }) => {
        sent = await request.json()
        return HttpResponse.json(
          {
            id: 'u2',
            email: 'grace@example.com',
            display_name: 'Grace',
            email_verified: false,
            roles: ['buyer'],
            mfa_enabled: false,
            dealer_id: null,
            created_at: '2025-11-25T12:00:00Z',
          },
          { status: 201 },
        )
      }),
    )
    const user = userEvent.setup()
    renderWithProviders(<SignUpPage />, { route: '/sign-up' })

    await user.type(screen.getByLabelText(/^Email/), ' grace@example.com ')
    await user.type(screen.getByLabelText(/^Display name/), 'Grace')
    await user.type(screen.getByLabelText(/^Password/, { selector: 'input' }), 'a long enough passphrase')
    await user.click(screen.getByRole('button', { name: 'Create account' }))

    const heading = await screen.findByRole('heading', { level: 1, name: 'Check your email to verify your address' })
    await waitFor(() => expect(heading).toHaveFocus())
    expect(screen.getByText('grace@example.com')).toBeInTheDocument()
    expect(sent).toEqual({ email: 'grace@example.com', display_name: 'Grace', password: 'a long enough passphrase' })
  })

  it('says when the email is already taken', async () => {
    server.use(
      http.post(api('/auth/register'), () => problem(409, 'Email already registered', 'Sign in instead.')),
    )
    const user = userEvent.setup()
    renderWithProviders(<SignUpPage />, { route: '/sign-up' })

    await user.type(screen.getByLabelText(/^Email/), 'ada@example.com')
    await user.type(screen.getByLabelText(/^Display name/), 'Ada')
    await user.type(screen.getByLabelText(/^Password/, { selector: 'input' }), 'a long enough passphrase')
    await user.click(screen.getByRole('button', { name: 'Create account' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('Email already registered')
    expect(screen.getByLabelText(/^Email/)).toHaveAccessibleDescription('An account with this email already exists.')
  })
})
