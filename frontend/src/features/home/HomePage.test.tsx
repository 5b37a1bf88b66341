import { screen, waitFor, within } from '@testing-library/react'
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

  it('shows the running promotions with their listings', async () => {
    renderWithProviders(<HomePage />)

    const promotion = await screen.findByRole('region', { name: 'Back to school' })
    expect(promotion).toHaveTextContent('Laptops checked by our sellers, under €600.')
    expect(within(promotion).getAllByRole('article').map((card) => card.getAttribute('aria-label'))).toEqual([
      'ThinkPad X1 Carbon Gen 11',
    ])
  })

  it('shows popular categories with their listing counts, linking to them', async () => {
    renderWithProviders(<HomePage />)

    const popular = await screen.findByRole('region', { name: 'Popular categories' })
    const links = within(popular).getAllByRole('link')
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['/categories/phones', '/categories/laptops'])
    expect(links[0]).toHaveTextContent(`Phones${new Intl.NumberFormat().format(1240)} listings`)
  })

  it('leaves out promotions and popular categories when they fail or are empty', async () => {
    const answered: string[] = []
    server.use(
      http.get(api('/promotions'), () => {
        answered.push('promotions')
        return problem(500, 'Promotions unavailable')
      }),
      http.get(api('/categories/popular'), () => {
        answered.push('popular')
        return HttpResponse.json({ items: [] })
      }),
    )
    renderWithProviders(<HomePage />)

    const featured = screen.getByRole('region', { name: 'Featured' })
    await within(featured).findByRole('article', { name: 'iPhone 15 Pro 256 GB' })
    await waitFor(() => expect(answered.sort()).toEqual(['popular', 'promotions']))
    // Time for the answers to render, were they shown.
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(screen.queryByRole('region', { name: 'Back to school' })).not.toBeInTheDocument()
    expect(screen.queryByRole('region', { name: 'Popular categories' })).not.toBeInTheDocument()
    expect(screen.queryByText('Promotions unavailable')).not.toBeInTheDocument()
  })
})
