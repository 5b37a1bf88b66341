import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'

import { sessions, signedInState } from '../../test/fixtures'
import { api } from '../../test/handlers'
import { renderWithProviders } from '../../test/renderWithProviders'
import { server } from '../../test/server'
import { AccountPage } from './AccountPage'

describe('Sessions tab', () => {
  it('lists the sessions and signs another device out with DELETE', async () => {
    const deleted: string[] = []
    server.use(
      http.get(api('/auth/sessions'), () =>
        HttpResponse.json({ items: sessions.filter((session) => !deleted.includes(session.id)), next_cursor: null }),
      ),
      http.delete(api('/auth/sessions/:id'), ({ params }) => {
        deleted.push(String(params.id))
        return new HttpResponse(null, { status: 204 })
      }),
    )
    const user = userEvent.setup()
    renderWithProviders(<AccountPage />, {
      route: '/account?tab=sessions',
      path: '/account',
      preloadedState: signedInState(),
    })

    const list = await screen.findByRole('list', { name: 'Sessions' })
    const current = within(list).getByRole('listitem', { name: 'Firefox on Linux' })
    expect(within(current).getByText('This device')).toBeInTheDocument()
    expect(within(current).queryByRole('button')).not.toBeInTheDocument()
    const other = within(list).getByRole('listitem', { name: 'Safari on iPhone' })
    expect(within(other).getByText(/198\.51\.100\.7/)).toBeInTheDocument()
    expect(within(other).queryByText('This device')).not.toBeInTheDocument()

    await user.click(within(other).getByRole('button', { name: 'Sign out Safari on iPhone' }))

    await waitFor(() => expect(deleted).toEqual(['s-other']))
    await waitFor(() => expect(within(list).queryByRole('listitem', { name: 'Safari on iPhone' })).not.toBeInTheDocument())
    expect(within(list).getByRole('listitem', { name: 'Firefox on Linux' })).toBeInTheDocument()
  })
})
