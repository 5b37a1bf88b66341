import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'

import { formatPrice } from '../../components/Price'
import { featuredProducts } from '../../test/fixtures'
import { api, problem } from '../../test/handlers'
import { renderWithProviders } from '../../test/renderWithProviders'
import { server } from '../../test/server'
import { HomePage } from './HomePage'

describe('HomePage', () => {
  it('renders the featured products from the API', async () => {
    renderWithProviders(<HomePage />)

    const featured = screen.getByRole('region', { name: 'Featured' })
    expect(await within(featured).findByRole('article', { name: 'iPhone 15 Pro 256 GB' })).toBeInTheDocument()
    expect(within(featured).getByRole('article', { name: 'ThinkPad X1 Carbon Gen 11' })).toBeInTheDocument()
    expect(within(featured).getByText(formatPrice(89000, 'EUR'))).toBeInTheDocument()
    expect(within(featured).getAllByRole('article')).toHaveLength(featuredProducts.length)
  })

  it('shows top-level categories linking to their pages', async () => {
    renderWithProviders(<HomePage />)

    const shelf = screen.getByRole('region', { name: 'Shop by category' })
    const phones = await within(shelf).findByRole('link', { name: /Phones/ })
    expect(phones).toHaveAttribute('href', '/categories/phones')
    // Children are named inside their parent's tile, not given tiles of their own.
    expect(within(shelf).getAllByRole('link')).toHaveLength(2)
  })

  it('asks for the 8 newest listings for "Just listed"', async () => {
    let requested: URL | undefined
    server.use(
      http.get(api('/products'), ({ request }) => {
        requested = new URL(request.url)
        return HttpResponse.json({
          items: [featuredProducts[1]],
          next_cursor: null,
          facets: { brand: [], condition: [], category: [] },
        })
      }),
    )
    renderWithProviders(<HomePage />)

    const shelf = screen.getByRole('region', { name: 'Just listed' })
    expect(await within(shelf).findByRole('article', { name: 'ThinkPad X1 Carbon Gen 11' })).toBeInTheDocument()
    expect(requested?.searchParams.get('sort')).toBe('newest')
    expect(requested?.searchParams.get('limit')).toBe('8')
  })

  it('shows the problem title and detail on a 500 and recovers on Retry', async () => {
    server.use(
      http.get(api('/products/featured'), () => problem(500, 'Catalogue unavailable', 'Please try again in a minute.'), {
        once: true,
      }),
    )
    const user = userEvent.setup()
    renderWithProviders(<HomePage />)

    const featured = screen.getByRole('region', { name: 'Featured' })
    const alert = await within(featured).findByRole('alert')
    expect(alert).toHaveTextContent('Catalogue unavailable')
    expect(alert).toHaveTextContent('Please try again in a minute.')
    expect(within(featured).queryByRole('article')).not.toBeInTheDocument()

    await user.click(within(alert).getByRole('button', { name: 'Retry' }))

    expect(await within(featured).findByRole('article', { name: 'iPhone 15 Pro 256 GB' })).toBeInTheDocument()
    expect(within(featured).queryByRole('alert')).not.toBeInTheDocument()
  })
})
