import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'

import { api, problem } from '../../test/handlers'
import { renderWithProviders } from '../../test/renderWithProviders'
import { server } from '../../test/server'
import { ResetPasswordPage } from './ResetPasswordPage'

const input = (label: RegExp) => screen.getByLabelText(label, { selector: 'input' })

describe('ResetPasswordPage', () => {
  it('sends the token from the link with the new password', async () => {
    let sent: unknown
    server.use(
      http.post(api('/auth/password/reset'), async ({ request }) => {
        sent = await request.json()
        return new HttpResponse(null, { status: 204 })
      }),
    )
    const user = userEvent.setup()
    renderWithProviders(<ResetPasswordPage />, { route: '/reset-password?token=reset-1', path: '/reset-password' })

    await user.type(input(/^New password/), 'a brand new passphrase')
    await user.type(input(/^Repeat the new password/), 'a brand new passphrase')
    await user.click(screen.getByRole('button', { name: 'Save new password' }))

    expect(await screen.findByRole('heading', { level: 1, name: 'Your password has been changed' })).toBeInTheDocument()
    expect(sent).toEqual({ token: 'reset-1', password: 'a brand new passphrase' })
  })

  it('catches a mistyped repeat before asking the server', async () => {
    const user = userEvent.setup()
    renderWithProviders(<ResetPasswordPage />, { route: '/reset-password?token=reset-1', path: '/reset-password' })

    await user.type(input(/^New password/), 'a brand new passphrase')
    await user.type(input(/^Repeat the new password/), 'a brand new passphrasf')
    await user.click(screen.getByRole('button', { name: 'Save new password' }))

    const repeat = input(/^Repeat the new password/)
    expect(repeat).toHaveAccessibleDescription('The two passwords are not the same.')
    await waitFor(() => expect(repeat).toHaveFocus())
  })

  it('explains an expired link', async () => {
    server.use(http.post(api('/auth/password/reset'), () => problem(400, 'This link has expired', 'Ask for a new one.')))
    const user = userEvent.setup()
    renderWithProviders(<ResetPasswordPage />, { route: '/reset-password?token=old', path: '/reset-password' })

    await user.type(input(/^New password/), 'a brand new passphrase')
    await user.type(input(/^Repeat the new password/), 'a brand new passphrase')
    await user.click(screen.getByRole('button', { name: 'Save new password' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('This link has expired')
    expect(screen.getByRole('link', { name: 'New link' })).toHaveAttribute('href', '/forgot-password')
  })
})
