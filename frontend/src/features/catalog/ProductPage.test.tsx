import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'

import { formatPrice } from '../../components/Price'
import { COMPARE_STORAGE_KEY } from '../compare/compareSlice'
import { productDetail, relatedProducts, signedInState, signedOutState, watchlist } from '../../test/fixtures'
import { api, problem } from '../../test/handlers'
import { renderWithProviders } from '../../test/renderWithProviders'
import { server } from '../../test/server'
import { ProductPage } from './ProductPage'

function renderProduct(id: string) {
  return renderWithProviders(<ProductPage />, { route: `/products/${id}`, path: '/products/:id' })
}

describe('ProductPage', () => {
  it('renders the labelled specifications with their units, in the order sent', async () => {
    renderProduct(productDetail.id)

    const table = await screen.findByRole('table', { name: 'Specifications' })
    const rows = within(table).getAllByRole('row')
    expect(rows.map((row) => row.textContent)).toEqual([
      'Storage256 GB',
      'ColourNatural titanium',
      'Dual SIMYes',
      'Screen size6.1 in',
    ])
    expect(within(table).getByRole('rowheader', { name: 'Dual SIM' })).toBeInTheDocument()
  })

  it('falls back to the raw specs with readable keys when there are no specifications', async () => {
    server.use(http.get(api('/products/:id'), () => HttpResponse.json({ ...productDetail, specifications: [] })))
    renderProduct(productDetail.id)

    const table = await screen.findByRole('table', { name: 'Specifications' })
    expect(within(table).getAllByRole('row').map((row) => row.textContent)).toEqual([
      'Storage (GB)256',
      'ColourNatural titanium',
      'Dual SIMYes',
      'Screen size (in)6.1',
    ])
  })

  it('shows the listing: title, price, condition, seller, options and quantity', async () => {
    server.use(http.get(api('/products/:id/related'), () => HttpResponse.json({ items: [] })))
    renderProduct(productDetail.id)

    expect(await screen.findByRole('heading', { level: 1, name: productDetail.title })).toBeInTheDocument()
    expect(screen.getByText('Apple · iPhone 15 Pro')).toBeInTheDocument()
    expect(screen.getAllByText(formatPrice(129900, 'EUR')).length).toBeGreaterThan(0)
    expect(screen.getByText('Like new')).toBeInTheDocument()
    expect(screen.getByText('Nordic Phones')).toBeInTheDocument()
    expect(screen.getByText('2 available')).toBeInTheDocument()

    const options = screen.getByRole('region', { name: 'Options' })
    expect(within(options).getByText('512 GB, Black titanium')).toBeInTheDocument()
    expect(within(options).getByText('Out of stock')).toBeInTheDocument()
    expect(within(options).getByText(formatPrice(149900, 'EUR'))).toBeInTheDocument()
  })

  it('shows the full photo with the title as alt text and thumbnails to switch', async () => {
    renderProduct(productDetail.id)

    const photo = await screen.findByRole('img', { name: `${productDetail.title}, photo 1 of 2` })
    expect(photo).toHaveAttribute('src', '/media/products/p1/a-full.webp')
    screen.getByRole('button', { name: 'Show photo 2 of 2' }).click()
    expect(await screen.findByRole('img', { name: `${productDetail.title}, photo 2 of 2` })).toHaveAttribute(
      'src',
      '/media/products/p1/b-full.webp',
    )
  })

  it('shows the problem title of a 404', async () => {
    renderProduct('no-such-listing')

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Listing not found')
    expect(alert).toHaveTextContent('No listing has this id.')
  })

  it('shows the condition: grade explained, cosmetic notes and each check passed or not in words', async () => {
    renderProduct(productDetail.id)

    const condition = await screen.findByRole('region', { name: 'Condition' })
    expect(condition).toHaveTextContent('Like new: Used briefly; no visible marks, works perfectly.')
    expect(condition).toHaveTextContent('A light scratch on the frame, invisible in a case.')
    const checks = within(condition).getByRole('list', { name: 'Functional checks' })
    expect(within(checks).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Screen works, no dead pixels: passed',
      'Battery holds a charge: passed',
      'Face ID works: not passed',
    ])
  })

  it('shows the device history and the parcel size', async () => {
    renderProduct(productDetail.id)

    expect(await screen.findByText('Serial ••••1234 · listed 2 times before on TechMarket')).toBeInTheDocument()
    expect(screen.getByText(/^16 × 8 × 2 cm, 450 g$/)).toBeInTheDocument()
  })

  it('shows recent prices of the model in this condition', async () => {
    let asked: URLSearchParams | undefined
    server.use(
      http.get(api('/products/price-guide'), ({ request }) => {
        asked = new URL(request.url).searchParams
        return HttpResponse.json({
          brand: 'Apple', model: 'iPhone 15 Pro', condition: 'like_new', currency: 'EUR',
          basis: 'sales', sample_size: 14, median: 119900, low: 105000, high: 134900,
        })
      }),
    )
    renderProduct(productDetail.id)

    const guide = await screen.findByRole('complementary', { name: 'Price guidance' })
    expect(guide).toHaveTextContent(
      `Recent prices for this model in this condition: median ${formatPrice(119900, 'EUR')}, range ${formatPrice(105000, 'EUR')} – ${formatPrice(134900, 'EUR')}, based on 14 sales.`,
    )
    expect(Object.fromEntries(asked ?? [])).toEqual({ brand: 'Apple', model: 'iPhone 15 Pro', condition: 'like_new', currency: 'EUR' })
  })

  it('leaves the price guidance out when there is no data', async () => {
    server.use(
      http.get(api('/products/price-guide'), () =>
        HttpResponse.json({
          brand: 'Apple', model: 'iPhone 15 Pro', condition: 'like_new', currency: 'EUR',
          basis: 'none', sample_size: 0, median: null, low: null, high: null,
        }),
      ),
    )
    renderProduct(productDetail.id)

    await screen.findByRole('region', { name: 'Similar listings' })
    expect(screen.queryByRole('complementary', { name: 'Price guidance' })).not.toBeInTheDocument()
  })

  it('lists similar listings', async () => {
    renderProduct(productDetail.id)

    const related = await screen.findByRole('region', { name: 'Similar listings' })
    expect((await within(related).findAllByRole('article')).map((card) => card.getAttribute('aria-label'))).toEqual(
      relatedProducts.map((product) => product.title),
    )
  })

  it('hides similar listings when the request fails', async () => {
    server.use(http.get(api('/products/:id/related'), () => problem(500, 'Broken')))
    renderProduct(productDetail.id)

    await screen.findByRole('heading', { level: 1, name: productDetail.title })
    await waitFor(() => expect(screen.queryByRole('status', { name: 'Loading similar listings' })).not.toBeInTheDocument())
    expect(screen.queryByRole('region', { name: 'Similar listings' })).not.toBeInTheDocument()
  })

  it('toggles "Add to compare", kept in localStorage', async () => {
    const user = userEvent.setup()
    const { store } = renderProduct(productDetail.id)

    const toggle = await screen.findByRole('button', { name: 'Add to compare' })
    expect(toggle).toHaveAttribute('aria-pressed', 'false')
    await user.click(toggle)

    expect(toggle).toHaveAttribute('aria-pressed', 'true')
    expect(store.getState().compare.ids).toEqual([productDetail.id])
    expect(JSON.parse(window.localStorage.getItem(COMPARE_STORAGE_KEY) ?? 'null')).toEqual([productDetail.id])

    await user.click(toggle)
    expect(toggle).toHaveAttribute('aria-pressed', 'false')
    expect(JSON.parse(window.localStorage.getItem(COMPARE_STORAGE_KEY) ?? 'null')).toEqual([])
  })

  it('will not add a fifth listing to compare, and says why', async () => {
    window.localStorage.setItem(COMPARE_STORAGE_KEY, JSON.stringify(['a', 'b', 'c', 'd']))
    renderProduct(productDetail.id)

    const toggle = await screen.findByRole('button', { name: 'Add to compare' })
    expect(toggle).toBeDisabled()
    expect(toggle).toHaveAccessibleDescription('You can compare up to 4 listings. Remove one to add this.')
  })

  it('sends a signed-out visitor who wants to watch to sign in and back', async () => {
    const user = userEvent.setup()
    const { router } = renderWithProviders(<ProductPage />, {
      route: `/products/${productDetail.id}`,
      path: '/products/:id',
      preloadedState: signedOutState(),
    })

    await user.click(await screen.findByRole('button', { name: 'Watch' }))

    expect(router.state.location.pathname).toBe('/sign-in')
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe(`/products/${productDetail.id}`)
  })

  it('watches and unwatches with PUT and DELETE', async () => {
    const calls: string[] = []
    const record = ({ request, params }: { request: Request; params: Record<string, unknown> }) => {
      calls.push(`${request.method} ${String(params.productId)}`)
      return new HttpResponse(null, { status: 204 })
    }
    server.use(
      http.get(api('/users/me/watchlist'), () => HttpResponse.json({ items: watchlist.slice(1), next_cursor: null })),
      http.put(api('/users/me/watchlist/:productId'), record),
      http.delete(api('/users/me/watchlist/:productId'), record),
    )
    const user = userEvent.setup()
    renderWithProviders(<ProductPage />, {
      route: `/products/${productDetail.id}`,
      path: '/products/:id',
      preloadedState: signedInState(),
    })

    const watch = await screen.findByRole('button', { name: 'Watch' })
    await waitFor(() => expect(watch).toHaveAttribute('aria-pressed', 'false'))
    await user.click(watch)
    await waitFor(() => expect(watch).toHaveAttribute('aria-pressed', 'true'))
    expect(screen.getByText('Added to your watchlist.')).toBeInTheDocument()
    await user.click(watch)
    await waitFor(() => expect(watch).toHaveAttribute('aria-pressed', 'false'))

    expect(calls).toEqual([`PUT ${productDetail.id}`, `DELETE ${productDetail.id}`])
  })

  it('shows a listing already on the watchlist as watched', async () => {
    renderWithProviders(<ProductPage />, {
      route: `/products/${productDetail.id}`,
      path: '/products/:id',
      preloadedState: signedInState(),
    })

    const watch = await screen.findByRole('button', { name: 'Watch' })
    await waitFor(() => expect(watch).toHaveAttribute('aria-pressed', 'true'))
  })
})
