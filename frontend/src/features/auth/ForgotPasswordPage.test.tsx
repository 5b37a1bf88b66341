import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'

import { api } from '../../test/handlers'
import { renderWithProviders } from '../../test/renderWithProviders'
import { server } from '../../test/server'
import { ForgotPasswordPage } from './ForgotPasswordPage'

describe('ForgotPasswordPage', () => {
  it('gives the same answer whether or not the account exists', async () => {
    let sent: unknown
    server.use(
      http.post(api('/auth/password/forgot'), async ({ request }) => {
        sent = await request.json()
        return new HttpResponse(null, { status: 202 })
      }),
    )
    const user = userEvent.setup()
    renderWithProviders(<ForgotPasswordPage />, { route: '/forgot-password', path: '/forgot-password' })

    await user.type(screen.getByLabelText(/^Email/), 'ada@example.com')
    await user.click(screen.getByRole('button', { name: 'Send reset link' }))

    expect(await screen.findByRole('heading', { level: 1, name: 'Check your email' })).toBeInTheDocument()
    expect(screen.getByText(/If there is a TechMarket account for/)).toHaveTextContent('ada@example.com')
    expect(sent).toEqual({ email: 'ada@example.com' })
  })
})
