import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { Outlet } from 'react-router'
import { describe, expect, it } from 'vitest'

import { me, signedInState } from '../../test/fixtures'
import { api, problem } from '../../test/handlers'
import { renderWithProviders } from '../../test/renderWithProviders'
import { server } from '../../test/server'
import { HomePage } from '../home/HomePage'
import { AccountPage } from './AccountPage'

function renderProfile() {
  return renderWithProviders(<AccountPage />, { route: '/account', path: '/account', preloadedState: signedInState() })
}

describe('Profile tab: contacts and social links', () => {
  it("adds a contact, and shows the server's 422 under the value", async () => {
    const sent: unknown[] = []
    server.use(
      http.post(api('/users/me/contacts'), async ({ request }) => {
        sent.push(await request.json())
        return problem(422, 'Check the contact', undefined, {
          errors: [{ field: 'value', in: 'body', message: 'A Telegram username has 5 to 32 letters, digits or _.' }],
        })
      }),
    )
    const user = userEvent.setup()
    renderProfile()

    const section = await screen.findByRole('region', { name: 'Contacts' })
    expect(await within(section).findByRole('listitem', { name: 'Phone +49 30 1234567' })).toBeInTheDocument()
    await user.selectOptions(within(section).getByLabelText('Kind'), 'Telegram')
    const value = within(section).getByLabelText(/^Telegram username/)
    await user.type(value, 'a b')
    await user.click(within(section).getByRole('button', { name: 'Add contact' }))

    await waitFor(() =>
      expect(value).toHaveAccessibleDescription('A Telegram username has 5 to 32 letters, digits or _.'),
    )
    expect(value).toHaveAttribute('aria-invalid', 'true')
    await waitFor(() => expect(value).toHaveFocus())
    expect(sent).toEqual([{ kind: 'telegram', value: 'a b' }])
    expect(value).toHaveValue('a b')
  })

  it('says when the network already has a link (409)', async () => {
    let sent: unknown
    server.use(
      http.post(api('/users/me/social-links'), async ({ request }) => {
        sent = await request.json()
        return problem(409, 'You already have a link for this network')
      }),
    )
    const user = userEvent.setup()
    renderProfile()

    const section = await screen.findByRole('region', { name: 'Social links' })
    const list = await within(section).findByRole('list', { name: 'Social links' })
    const github = within(list).getByRole('listitem', { name: 'GitHub' })
    expect(within(github).getByRole('link', { name: 'https://github.com/ada' })).toHaveAttribute(
      'href',
      'https://github.com/ada',
    )
    await user.selectOptions(within(section).getByLabelText('Network'), 'LinkedIn')
    await user.type(within(section).getByLabelText(/^Profile URL/), 'https://www.linkedin.com/in/ada')
    await user.click(within(section).getByRole('button', { name: 'Add link' }))

    expect(await within(section).findByRole('alert')).toHaveTextContent('You already have a link for this network')
    expect(within(section).getByLabelText('Network')).toHaveAccessibleDescription(
      'You already have a LinkedIn link. Delete it to add another.',
    )
    expect(sent).toEqual({ network: 'linkedin', url: 'https://www.linkedin.com/in/ada' })
  })
})

describe('Profile tab: change email', () => {
  function serveEmailChange() {
    const sent: unknown[] = []
    server.use(
      http.post(api('/users/me/email'), async ({ request }) => {
        const body = (await request.json()) as { new_email: string }
        sent.push(body)
        return HttpResponse.json(me({ email: body.new_email, email_verified: false }))
      }),
    )
    return sent
  }

  it('sends the authenticator code when two-step sign-in is on', async () => {
    server.use(http.get(api('/users/me'), () => HttpResponse.json(me({ mfa_enabled: true }))))
    const sent = serveEmailChange()
    const user = userEvent.setup()
    renderProfile()

    const section = await screen.findByRole('region', { name: 'Change email' })
    expect(within(section).queryByLabelText(/^Current password/)).not.toBeInTheDocument()
    await user.type(within(section).getByLabelText(/^New email/), 'ada@analytical.example')
    await user.type(within(section).getByLabelText(/^Authenticator code/), '123 456')
    await user.click(within(section).getByRole('button', { name: 'Change email' }))

    expect(await within(section).findByRole('status')).toHaveTextContent(
      'Your email address is now ada@analytical.example.',
    )
    expect(sent).toEqual([{ new_email: 'ada@analytical.example', code: '123456' }])
    // Me now holds the new, unverified address.
    const email = screen.getByRole('region', { name: 'Email address' })
    expect(within(email).getByText('ada@analytical.example')).toBeInTheDocument()
    expect(within(email).getByText('Not verified')).toBeInTheDocument()
  })

  it('sends the current password when two-step sign-in is off, and shows a wrong one under it', async () => {
    const sent = serveEmailChange()
    server.use(
      http.post(
        api('/users/me/email'),
        async ({ request }) => {
          sent.push(await request.json())
          return problem(422, 'Confirm it is you', undefined, {
            errors: [{ field: 'password', in: 'body', message: 'This is not your current password.' }],
          })
        },
        { once: true },
      ),
    )
    const user = userEvent.setup()
    renderProfile()

    const section = await screen.findByRole('region', { name: 'Change email' })
    expect(within(section).queryByLabelText(/^Authenticator code/)).not.toBeInTheDocument()
    const password = within(section).getByLabelText(/^Current password/, { selector: 'input' })
    await user.type(within(section).getByLabelText(/^New email/), 'ada@analytical.example')
    await user.type(password, 'wrong words')
    await user.click(within(section).getByRole('button', { name: 'Change email' }))

    await waitFor(() => expect(password).toHaveAccessibleDescription('This is not your current password.'))
    await user.clear(password)
    await user.type(password, 'the right words')
    await user.click(within(section).getByRole('button', { name: 'Change email' }))

    expect(await within(section).findByRole('status')).toHaveTextContent('ada@analytical.example')
    expect(sent).toEqual([
      { new_email: 'ada@analytical.example', password: 'wrong words' },
      { new_email: 'ada@analytical.example', password: 'the right words' },
    ])
  })
})

describe('Profile tab: delete account', () => {
  it('needs DELETE typed, sends the password, then signs out and says so on the home page', async () => {
    const sent: unknown[] = []
    let logouts = 0
    server.use(
      http.delete(api('/users/me'), async ({ request }) => {
        sent.push({ body: await request.json(), auth: request.headers.get('Authorization') })
        return new HttpResponse(null, { status: 204 })
      }),
      http.post(api('/auth/logout'), () => {
        logouts += 1
        return new HttpResponse(null, { status: 204 })
      }),
    )
    const user = userEvent.setup()
    const { store, router } = renderWithProviders(<Outlet />, {
      route: '/account',
      preloadedState: signedInState('access-del'),
      routes: [
        { index: true, element: <HomePage /> },
        { path: 'account', element: <AccountPage /> },
      ],
    })

    const section = await screen.findByRole('region', { name: 'Delete account' })
    await user.click(within(section).getByRole('button', { name: 'Delete my account' }))
    const dialog = await screen.findByRole('dialog', { name: 'Delete your account?' })
    const password = within(dialog).getByLabelText(/^Current password/, { selector: 'input' })
    const confirm = within(dialog).getByLabelText(/^Type DELETE/)
    await user.type(password, 'my secret words')
    await user.type(confirm, 'delete')
    await user.click(within(dialog).getByRole('button', { name: 'Delete my account' }))

    expect(confirm).toHaveAttribute('aria-invalid', 'true')
    expect(confirm).toHaveAccessibleDescription('Type DELETE in capital letters to confirm.')
    await waitFor(() => expect(confirm).toHaveFocus())
    expect(sent).toEqual([])
    expect(store.getState().auth.accessToken).toBe('access-del')

    await user.clear(confirm)
    await user.type(confirm, 'DELETE')
    await user.click(within(dialog).getByRole('button', { name: 'Delete my account' }))

    expect(await screen.findByText('Your account was deleted.')).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/')
    expect(screen.getByRole('heading', { level: 1, name: /Phones, laptops and parts/ })).toBeInTheDocument()
    expect(sent).toEqual([{ body: { password: 'my secret words' }, auth: 'Bearer access-del' }])
    expect(store.getState().auth.accessToken).toBeNull()
    // The server already ended every session: there is nothing to sign out of.
    expect(logouts).toBe(0)
  })

  it('asks for the authenticator code instead when two-step sign-in is on', async () => {
    server.use(http.get(api('/users/me'), () => HttpResponse.json(me({ mfa_enabled: true }))))
    let sent: unknown
    server.use(
      http.delete(api('/users/me'), async ({ request }) => {
        sent = await request.json()
        return problem(422, 'Confirm it is you', undefined, {
          errors: [{ field: 'code', in: 'body', message: 'This code does not match.' }],
        })
      }),
    )
    const user = userEvent.setup()
    const { store } = renderProfile()

    const section = await screen.findByRole('region', { name: 'Delete account' })
    await user.click(within(section).getByRole('button', { name: 'Delete my account' }))
    const dialog = await screen.findByRole('dialog', { name: 'Delete your account?' })
    expect(within(dialog).queryByLabelText(/^Current password/)).not.toBeInTheDocument()
    const code = within(dialog).getByLabelText(/^Authenticator code/)
    await user.type(code, '654321')
    await user.type(within(dialog).getByLabelText(/^Type DELETE/), 'DELETE')
    await user.click(within(dialog).getByRole('button', { name: 'Delete my account' }))

    await waitFor(() => expect(code).toHaveAccessibleDescription('This code does not match.'))
    expect(sent).toEqual({ code: '654321' })
    expect(store.getState().auth.accessToken).not.toBeNull()
  })
})
