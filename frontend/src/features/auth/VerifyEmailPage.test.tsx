import { screen } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { StrictMode } from 'react'
import { describe, expect, it } from 'vitest'

import { signedOutState } from '../../test/fixtures'
import { api, problem } from '../../test/handlers'
import { renderWithProviders } from '../../test/renderWithProviders'
import { server } from '../../test/server'
import { VerifyEmailPage } from './VerifyEmailPage'

function renderVerify(route: string) {
  return renderWithProviders(
    <StrictMode>
      <VerifyEmailPage />
    </StrictMode>,
    { route, path: '/verify-email', preloadedState: signedOutState() },
  )
}

describe('VerifyEmailPage', () => {
  it('verifies the token from the link once, on load', async () => {
    const sent: unknown[] = []
    server.use(
      http.post(api('/auth/email/verify'), async ({ request }) => {
        sent.push(await request.json())
        return new HttpResponse(null, { status: 204 })
      }),
    )
    renderVerify('/verify-email?token=tok-123')

    expect(await screen.findByRole('heading', { level: 1, name: 'Your email address is verified' })).toBeInTheDocument()
    // StrictMode runs effects twice; a one-time token must still be sent only once.
    expect(sent).toEqual([{ token: 'tok-123' }])
  })

  it("shows the server's reason when the link is expired", async () => {
    server.use(
      http.post(api('/auth/email/verify'), () => problem(410, 'This link has expired', 'Links work for 24 hours.')),
    )
    renderVerify('/verify-email?token=old')

    expect(
      await screen.findByRole('heading', { level: 1, name: 'We could not verify your email address' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('This link has expired')
    expect(screen.getByRole('alert')).toHaveTextContent('Links work for 24 hours.')
  })
})
