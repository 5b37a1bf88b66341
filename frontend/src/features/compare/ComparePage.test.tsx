import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'

import { comparisonOf, productDetail } from '../../test/fixtures'
import { api } from '../../test/handlers'
import { renderWithProviders } from '../../test/renderWithProviders'
import { server } from '../../test/server'
import { CompareBar } from './CompareBar'
import { ComparePage } from './ComparePage'
import { COMPARE_STORAGE_KEY } from './compareSlice'

const ids = [productDetail.id, 'cmp-2', 'cmp-3']

function renderCompare(route = `/compare?ids=${ids.join(',')}`) {
  return renderWithProviders(<ComparePage />, { route, path: '/compare' })
}

const rowOf = (table: HTMLElement, label: string) => within(table).getByRole('rowheader', { name: new RegExp(`^${label}`) }).closest('tr')!

describe('ComparePage', () => {
  it('asks the API for the ids and shows one column per listing', async () => {
    const asked: (string | null)[] = []
    server.use(
      http.get(api('/products/compare'), ({ request }) => {
        const value = new URL(request.url).searchParams.get('ids')
        asked.push(value)
        return HttpResponse.json(comparisonOf((value ?? '').split(',')))
      }),
    )
    renderCompare()

    const table = await screen.findByRole('table')
    expect(asked).toEqual([ids.join(',')])
    const headers = within(table).getAllByRole('columnheader')
    expect(headers.slice(1).map((header) => within(header).getByRole('link').textContent)).toEqual([
      'iPhone 15 Pro 256 GB',
      'Galaxy S24 256 GB',
      'Pixel 8 256 GB',
    ])
    expect(within(rowOf(table, 'RAM')).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['8 GB', '8 GB', '12 GB'])
  })

  it('marks the rows that differ in words, not only colour, and can show only those', async () => {
    const user = userEvent.setup()
    renderCompare()

    const table = await screen.findByRole('table')
    // Differs: price, RAM, dual SIM (one value missing). Same: condition, storage.
    expect(within(rowOf(table, 'RAM')).getByRole('rowheader')).toHaveTextContent('RAMDiffers')
    expect(within(rowOf(table, 'Dual SIM')).getByRole('rowheader')).toHaveTextContent('Differs')
    expect(within(rowOf(table, 'Storage')).getByRole('rowheader')).toHaveTextContent(/^Storage$/)
    expect(within(rowOf(table, 'Condition')).getByRole('rowheader')).not.toHaveTextContent('Differs')
    expect(screen.getByText('3 of 5 rows differ; they are marked “Differs”.')).toBeInTheDocument()
    // A missing value is said, not just drawn.
    expect(within(rowOf(table, 'Dual SIM')).getAllByRole('cell')[2]).toHaveTextContent('Not given')

    await user.click(screen.getByRole('switch', { name: 'Show only differences' }))

    expect(within(table).getAllByRole('rowheader').map((header) => header.textContent)).toEqual([
      'PriceDiffers',
      'RAMDiffers',
      'Dual SIMDiffers',
    ])
  })

  it('removes a column from the URL and from the compare list', async () => {
    window.localStorage.setItem(COMPARE_STORAGE_KEY, JSON.stringify(ids))
    const user = userEvent.setup()
    const { router, store } = renderCompare()

    await user.click(await screen.findByRole('button', { name: 'Remove Galaxy S24 256 GB from the comparison' }))

    expect(new URLSearchParams(router.state.location.search).get('ids')).toBe(`${productDetail.id},cmp-3`)
    expect(store.getState().compare.ids).toEqual([productDetail.id, 'cmp-3'])
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Galaxy S24 256 GB' })).not.toBeInTheDocument())
    expect(within(screen.getByRole('table')).getAllByRole('columnheader')).toHaveLength(3)
  })

  it('explains what to do with fewer than two listings, without asking the API', async () => {
    let asked = 0
    server.use(
      http.get(api('/products/compare'), () => {
        asked += 1
        return HttpResponse.json(comparisonOf(ids))
      }),
    )
    renderCompare(`/compare?ids=${productDetail.id}`)

    expect(await screen.findByText(/Choose at least two listings to compare/)).toBeInTheDocument()
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
    expect(asked).toBe(0)
  })

  it('keeps the specification column in place while the table scrolls sideways', async () => {
    renderCompare()

    const table = await screen.findByRole('table')
    expect(screen.getByRole('region', { name: 'Comparison table, scrolls sideways' })).toHaveClass('overflow-x-auto')
    expect(within(table).getByRole('rowheader', { name: /^RAM/ })).toHaveClass('sticky', 'left-0')
  })
})

describe('CompareBar', () => {
  it('shows the count, and links to the page from two listings on', async () => {
    window.localStorage.setItem(COMPARE_STORAGE_KEY, JSON.stringify([productDetail.id]))
    const user = userEvent.setup()
    const { store } = renderWithProviders(<CompareBar />)

    const bar = screen.getByRole('complementary', { name: 'Compare' })
    expect(bar).toHaveTextContent('1 of 4 chosen')
    expect(within(bar).queryByRole('link')).not.toBeInTheDocument()

    store.dispatch({ type: 'compare/compareToggled', payload: 'cmp-2' })
    expect(await within(bar).findByRole('link', { name: 'Compare 2 listings' })).toHaveAttribute(
      'href',
      `/compare?ids=${encodeURIComponent(`${productDetail.id},cmp-2`)}`,
    )

    await user.click(within(bar).getByRole('button', { name: 'Clear' }))
    expect(screen.queryByRole('complementary', { name: 'Compare' })).not.toBeInTheDocument()
    expect(window.localStorage.getItem(COMPARE_STORAGE_KEY)).toBe('[]')
  })
})
