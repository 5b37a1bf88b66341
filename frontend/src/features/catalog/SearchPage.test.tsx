import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'

import type { ProductPage } from '../../api/types'
import { productSummary } from '../../test/fixtures'
import { api } from '../../test/handlers'
import { renderWithProviders } from '../../test/renderWithProviders'
import { server } from '../../test/server'
import { SearchPage } from './SearchPage'

const facets: ProductPage['facets'] = {
  brand: [
    { value: 'Apple', label: 'Apple', count: 3 },
    { value: 'Samsung', label: 'Samsung', count: 2 },
  ],
  condition: [
    { value: 'new', label: 'New', count: 1 },
    { value: 'good', label: 'Good', count: 4 },
  ],
  category: [{ value: 'iphones', label: 'iPhones', count: 3 }],
}

const firstPage: ProductPage = {
  items: [productSummary({ id: 'p1', title: 'iPhone 13 mini' }), productSummary({ id: 'p2', title: 'Galaxy S23' })],
  next_cursor: 'cursor-2',
  facets,
}

const secondPage: ProductPage = {
  items: [productSummary({ id: 'p3', title: 'iPhone 12' })],
  next_cursor: null,
  facets,
}

/** Serves two pages by cursor and records every request's query string. */
function serveSearch() {
  const requests: URLSearchParams[] = []
  server.use(
    http.get(api('/products'), ({ request }) => {
      const params = new URL(request.url).searchParams
      requests.push(params)
      return HttpResponse.json(params.get('cursor') === 'cursor-2' ? secondPage : firstPage)
    }),
  )
  return requests
}

function renderSearch(route: string) {
  return renderWithProviders(<SearchPage />, {
    route,
    path: route.startsWith('/categories/') ? '/categories/:slug' : '/search',
  })
}

describe('SearchPage', () => {
  it('sends the URL filters to the API and renders results and facets', async () => {
    const requests = serveSearch()
    renderSearch('/search?q=iphone&condition=good&sort=price_asc')

    expect(await screen.findByRole('article', { name: 'iPhone 13 mini' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Results for “iphone”')

    const sent = requests[0]
    expect(sent?.get('q')).toBe('iphone')
    expect(sent?.getAll('condition')).toEqual(['good'])
    expect(sent?.get('sort')).toBe('price_asc')

    const filters = screen.getByRole('complementary', { name: 'Filters' })
    expect(within(filters).getByRole('checkbox', { name: 'Apple (3)' })).not.toBeChecked()
    expect(within(filters).getByRole('checkbox', { name: 'Samsung (2)' })).toBeInTheDocument()
    expect(within(filters).getByRole('checkbox', { name: 'Good (4)' })).toBeChecked()
    expect(within(filters).getByRole('radio', { name: 'iPhones (3)' })).toBeInTheDocument()
    expect(screen.getByLabelText('Sort by')).toHaveValue('price_asc')
  })

  it('puts a checked facet into the URL, keeping the other filters', async () => {
    serveSearch()
    const user = userEvent.setup()
    const { router } = renderSearch('/search?q=iphone')

    await user.click(await screen.findByRole('checkbox', { name: 'Apple (3)' }))

    const params = new URLSearchParams(router.state.location.search)
    expect(router.state.location.pathname).toBe('/search')
    expect(params.getAll('brand')).toEqual(['Apple'])
    expect(params.get('q')).toBe('iphone')
  })

  it('puts the sort into the URL', async () => {
    serveSearch()
    const user = userEvent.setup()
    const { router } = renderSearch('/search?q=iphone')

    await screen.findByRole('article', { name: 'iPhone 13 mini' })
    await user.selectOptions(screen.getByLabelText('Sort by'), 'Price: high to low')

    expect(new URLSearchParams(router.state.location.search).get('sort')).toBe('price_desc')
  })

  it('puts the price range into the URL in minor units', async () => {
    serveSearch()
    const user = userEvent.setup()
    const { router } = renderSearch('/search')

    await screen.findByRole('article', { name: 'iPhone 13 mini' })
    await user.type(screen.getByLabelText('Min price'), '100')
    await user.type(screen.getByLabelText('Max price'), '499.50')
    await user.click(screen.getByRole('button', { name: 'Apply price' }))

    const params = new URLSearchParams(router.state.location.search)
    expect(params.get('min_price')).toBe('10000')
    expect(params.get('max_price')).toBe('49950')
  })

  it('loads the next page with the cursor and keeps the first', async () => {
    const requests = serveSearch()
    const user = userEvent.setup()
    renderSearch('/search?q=iphone')

    await screen.findByRole('article', { name: 'iPhone 13 mini' })
    await user.click(screen.getByRole('button', { name: 'Load more' }))

    expect(await screen.findByRole('article', { name: 'iPhone 12' })).toBeInTheDocument()
    expect(screen.getAllByRole('article')).toHaveLength(3)
    expect(requests.at(-1)?.get('cursor')).toBe('cursor-2')
    expect(requests.at(-1)?.get('q')).toBe('iphone')
    // The last page has no next_cursor.
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument()
  })

  it('takes the category from /categories/:slug and names it', async () => {
    const requests = serveSearch()
    renderSearch('/categories/phones')

    await screen.findByRole('article', { name: 'iPhone 13 mini' })
    expect(requests[0]?.get('category')).toBe('phones')
    expect(await screen.findByRole('heading', { level: 1, name: 'Phones' })).toBeInTheDocument()
  })

  it('keeps a chosen category in the path on a category page', async () => {
    serveSearch()
    const user = userEvent.setup()
    const { router } = renderSearch('/categories/phones?brand=Apple')

    await user.click(await screen.findByRole('radio', { name: 'iPhones (3)' }))

    expect(router.state.location.pathname).toBe('/categories/iphones')
    expect(new URLSearchParams(router.state.location.search).getAll('brand')).toEqual(['Apple'])
  })

  it('says so when nothing matches', async () => {
    server.use(
      http.get(api('/products'), () =>
        HttpResponse.json({ items: [], next_cursor: null, facets: { brand: [], condition: [], category: [] } }),
      ),
    )
    renderSearch('/search?q=floppy')

    expect(await screen.findByText(/No listings match this search/)).toBeInTheDocument()
  })

  describe('spec filters and price bands', () => {
    const androidFacets: ProductPage['facets'] = {
      ...facets,
      category: [{ value: 'android-phones', label: 'Android phones', count: 5 }],
      price: [
        { value: '..20000', label: 'Under 200', count: 2 },
        { value: '20000..50000', label: '200 – 500', count: 3 },
      ],
      specs: [
        {
          name: 'carrier_lock',
          label: 'Carrier lock',
          type: 'choice',
          unit: null,
          values: [
            { value: 'unlocked', label: 'Unlocked', count: 4 },
            { value: 'locked', label: 'Locked', count: 1 },
          ],
        },
        {
          name: '5g',
          label: '5G',
          type: 'boolean',
          unit: null,
          values: [
            { value: 'true', label: 'Yes', count: 3 },
            { value: 'false', label: 'No', count: 2 },
          ],
        },
      ],
    }

    function serveAndroid() {
      const requests: URLSearchParams[] = []
      server.use(
        http.get(api('/products'), ({ request }) => {
          requests.push(new URL(request.url).searchParams)
          return HttpResponse.json({ ...firstPage, next_cursor: null, facets: androidFacets })
        }),
      )
      return requests
    }

    it('sends the spec filters of the URL, repeated, and shows them chosen', async () => {
      const requests = serveAndroid()
      renderSearch('/categories/android-phones?spec=carrier_lock:unlocked&spec=5g:true')

      const lock = await screen.findByRole('group', { name: 'Carrier lock' })
      expect(within(lock).getByRole('radio', { name: 'Unlocked (4)' })).toBeChecked()
      expect(within(screen.getByRole('group', { name: '5G' })).getByRole('radio', { name: 'Yes (3)' })).toBeChecked()
      expect(requests[0]?.getAll('spec')).toEqual(['carrier_lock:unlocked', '5g:true'])
      expect(requests[0]?.get('category')).toBe('android-phones')
    })

    it('puts a chosen spec value into the URL as spec=name:value, replacing that spec only', async () => {
      serveAndroid()
      const user = userEvent.setup()
      const { router } = renderSearch('/categories/android-phones?spec=carrier_lock:unlocked&spec=5g:true')

      const lock = await screen.findByRole('group', { name: 'Carrier lock' })
      await user.click(within(lock).getByRole('radio', { name: 'Locked (1)' }))

      expect(router.state.location.pathname).toBe('/categories/android-phones')
      expect(new URLSearchParams(router.state.location.search).getAll('spec')).toEqual(['5g:true', 'carrier_lock:locked'])

      await user.click(within(screen.getByRole('group', { name: '5G' })).getByRole('radio', { name: 'Any' }))
      expect(new URLSearchParams(router.state.location.search).getAll('spec')).toEqual(['carrier_lock:locked'])
    })

    it('drops the spec filters when the category changes', async () => {
      serveAndroid()
      const user = userEvent.setup()
      const { router } = renderSearch('/search?category=android-phones&spec=carrier_lock:unlocked&brand=Apple')

      await screen.findByRole('group', { name: 'Carrier lock' })
      await user.click(screen.getByRole('radio', { name: 'All categories' }))

      const params = new URLSearchParams(router.state.location.search)
      expect(params.getAll('spec')).toEqual([])
      expect(params.getAll('brand')).toEqual(['Apple'])
    })

    it('applies a price band as min and max price in minor units', async () => {
      serveAndroid()
      const user = userEvent.setup()
      const { router } = renderSearch('/categories/android-phones')

      const bands = await screen.findByRole('group', { name: 'Price band (EUR)' })
      await user.click(within(bands).getByRole('radio', { name: '200 – 500 (3)' }))

      let params = new URLSearchParams(router.state.location.search)
      expect([params.get('min_price'), params.get('max_price')]).toEqual(['20000', '50000'])
      expect(within(bands).getByRole('radio', { name: '200 – 500 (3)' })).toBeChecked()

      await user.click(within(bands).getByRole('radio', { name: 'Under 200 (2)' }))
      params = new URLSearchParams(router.state.location.search)
      expect([params.get('min_price'), params.get('max_price')]).toEqual([null, '20000'])
    })
  })
})
