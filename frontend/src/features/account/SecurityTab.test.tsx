import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'

import { me, signedInState } from '../../test/fixtures'
import { api, problem } from '../../test/handlers'
import { renderWithProviders } from '../../test/renderWithProviders'
import { server } from '../../test/server'
import { AccountPage } from './AccountPage'

function renderSecurity() {
  return renderWithProviders(<AccountPage />, {
    route: '/account?tab=security',
    path: '/account',
    preloadedState: signedInState(),
  })
}

describe('Security tab', () => {
  it('sets up two-step sign-in: QR code, key as text, confirm, then the recovery codes once', async () => {
    const codes = Array.from({ length: 10 }, (_, index) => `rc${index}-abcd-efgh`)
    let confirmed: unknown
    server.use(
      http.post(api('/auth/mfa/totp/confirm'), async ({ request }) => {
        confirmed = await request.json()
        return HttpResponse.json({ recovery_codes: codes })
      }),
    )
    const user = userEvent.setup()
    renderSecurity()

    await user.click(await screen.findByRole('button', { name: 'Set up two-step sign-in' }))

    const qr = await screen.findByRole('img', { name: 'QR code for your authenticator app' })
    expect(qr.tagName.toLowerCase()).toBe('svg')
    expect(qr.querySelectorAll('path').length).toBeGreaterThan(0)
    expect(screen.getByLabelText('Setup key')).toHaveTextContent('JBSW Y3DP EHPK 3PXP')

    await user.type(screen.getByLabelText(/^Code from the app/), '123456')
    await user.click(screen.getByRole('button', { name: 'Turn on' }))

    const list = await screen.findByRole('list', { name: 'Recovery codes' })
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual(codes)
    expect(confirmed).toEqual({ code: '123456' })
    expect(screen.queryByRole('img', { name: 'QR code for your authenticator app' })).not.toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Copy codes' }))
    expect(await navigator.clipboard.readText()).toBe(codes.join('\n'))

    await user.click(screen.getByRole('button', { name: 'I have saved my codes' }))
    expect(screen.queryByRole('list', { name: 'Recovery codes' })).not.toBeInTheDocument()
  })

  it('shows a wrong confirmation code beside the field', async () => {
    server.use(http.post(api('/auth/mfa/totp/confirm'), () => problem(422, 'Wrong code', undefined, {
      errors: [{ field: 'code', in: 'body', message: 'This code does not match. Check the time on your phone.' }],
    })))
    const user = userEvent.setup()
    renderSecurity()

    await user.click(await screen.findByRole('button', { name: 'Set up two-step sign-in' }))
    await user.type(await screen.findByLabelText(/^Code from the app/), '000000')
    await user.click(screen.getByRole('button', { name: 'Turn on' }))

    const field = screen.getByLabelText(/^Code from the app/)
    await waitFor(() =>
      expect(field).toHaveAccessibleDescription('This code does not match. Check the time on your phone.'),
    )
    await waitFor(() => expect(field).toHaveFocus())
    expect(screen.queryByRole('list', { name: 'Recovery codes' })).not.toBeInTheDocument()
  })

  it('asks for an authenticator code to change the password when MFA is on', async () => {
    server.use(http.get(api('/users/me'), () => HttpResponse.json(me({ mfa_enabled: true }))))
    let sent: unknown
    server.use(
      http.post(api('/auth/password/change'), async ({ request }) => {
        sent = await request.json()
        return new HttpResponse(null, { status: 204 })
      }),
    )
    const user = userEvent.setup()
    renderSecurity()

    const section = await screen.findByRole('region', { name: 'Password' })
    const field = (label: RegExp) => within(section).getByLabelText(label, { selector: 'input' })
    await user.type(field(/^Current password/), 'old secret words')
    await user.type(field(/^New password/), 'new much longer passphrase')
    await user.type(field(/^Repeat the new password/), 'new much longer passphrase')
    await user.click(within(section).getByRole('button', { name: 'Change password' }))
    expect(field(/^Authenticator code/)).toHaveAttribute('aria-invalid', 'true')
    await waitFor(() => expect(field(/^Authenticator code/)).toHaveFocus())
    expect(sent).toBeUndefined()

    await user.type(field(/^Authenticator code/), '246810')
    await user.click(within(section).getByRole('button', { name: 'Change password' }))

    expect(await screen.findByText('Your password is changed.')).toBeInTheDocument()
    expect(sent).toEqual({
      current_password: 'old secret words',
      new_password: 'new much longer passphrase',
      code: '246810',
    })
  })

  it('turns two-step sign-in off with a code', async () => {
    server.use(http.get(api('/users/me'), () => HttpResponse.json(me({ mfa_enabled: true }))))
    let sent: unknown
    server.use(
      http.post(api('/auth/mfa/totp/disable'), async ({ request }) => {
        sent = await request.json()
        return new HttpResponse(null, { status: 204 })
      }),
    )
    const user = userEvent.setup()
    renderSecurity()

    const section = await screen.findByRole('region', { name: /Two-step sign-in/ })
    await user.type(within(section).getByLabelText(/^Authenticator code/), '135790')
    await user.click(within(section).getByRole('button', { name: 'Turn off two-step sign-in' }))

    expect(await within(section).findByText('Two-step sign-in is off.')).toBeInTheDocument()
    expect(sent).toEqual({ code: '135790' })
  })
})
