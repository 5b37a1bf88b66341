import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'

import { signedInState, signedOutState } from '../../test/fixtures'
import { renderWithProviders } from '../../test/renderWithProviders'
import { AccountPage } from './AccountPage'

describe('AccountPage', () => {
  it('sends a signed-out visitor to sign in, and back here afterwards', async () => {
    const { router } = renderWithProviders(<AccountPage />, {
      route: '/account?tab=sessions',
      path: '/account',
      preloadedState: signedOutState(),
    })

    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'))
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/account?tab=sessions')
  })

  it('shows the profile with the email and its verified badge', async () => {
    renderWithProviders(<AccountPage />, { route: '/account', path: '/account', preloadedState: signedInState() })

    expect(await screen.findByRole('heading', { level: 1, name: 'Your account' })).toBeInTheDocument()
    expect(screen.getByRole('tab', { name: 'Profile' })).toHaveAttribute('aria-selected', 'true')
    expect(screen.getByLabelText(/^Display name/)).toHaveValue('Ada Lovelace')
    const email = screen.getByRole('region', { name: 'Email address' })
    expect(within(email).getByText('ada@example.com')).toBeInTheDocument()
    expect(within(email).getByText('Verified')).toBeInTheDocument()
  })

  it('keeps the chosen section in the URL', async () => {
    const user = userEvent.setup()
    const { router } = renderWithProviders(<AccountPage />, {
      route: '/account',
      path: '/account',
      preloadedState: signedInState(),
    })

    await user.click(await screen.findByRole('tab', { name: 'Activity' }))

    expect(router.state.location.search).toBe('?tab=activity')
    const activity = await screen.findByRole('list', { name: 'Activity' })
    expect(within(activity).getByText('Failed sign-in attempt')).toBeInTheDocument()
    expect(within(activity).getByText('Signed in')).toBeInTheDocument()
  })
})
