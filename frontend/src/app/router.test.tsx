import { render, screen } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { describe, expect, it } from 'vitest'

import { AppProviders } from './AppProviders'
import { routes } from './router'
import { makeStore } from './store'

function renderApp(url: string) {
  const router = createMemoryRouter(routes, { initialEntries: [url] })
  render(
    <AppProviders store={makeStore()}>
      <RouterProvider router={router} />
    </AppProviders>,
  )
  return router
}

describe('routes', () => {
  it('shows the 404 page for an unknown address, inside the layout', async () => {
    renderApp('/no/such/page')

    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Back to the home page' })).toHaveAttribute('href', '/')
    expect(screen.getByLabelText('Search TechMarket')).toBeInTheDocument()
  })

  it.each([
    ['/cart', 'Your cart'],
    ['/account', 'Your account'],
  ])('gives %s an honest placeholder page', async (url, heading) => {
    renderApp(url)

    expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeInTheDocument()
    expect(screen.getByText(/coming to TechMarket soon/)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Continue shopping' })).toHaveAttribute('href', '/')
  })

  it('loads the product page for /products/:id', async () => {
    renderApp('/products/0b7c4f7e-7a8e-4c52-9d2c-1f0e6c1d0a11')

    expect(await screen.findByRole('heading', { level: 1, name: 'iPhone 15 Pro 256 GB' })).toBeInTheDocument()
  })
})
