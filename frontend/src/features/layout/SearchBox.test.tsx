import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'

import { productDetail, suggestions } from '../../test/fixtures'
import { api } from '../../test/handlers'
import { renderWithProviders } from '../../test/renderWithProviders'
import { server } from '../../test/server'
import { SearchBox } from './SearchBox'

/** Answers every suggestion request with the fixtures and records the `q`s asked. */
function serveSuggestions() {
  const asked: string[] = []
  server.use(
    http.get(api('/products/suggest'), ({ request }) => {
      asked.push(new URL(request.url).searchParams.get('q') ?? '')
      return HttpResponse.json({ items: suggestions })
    }),
  )
  return asked
}

describe('SearchBox suggestions', () => {
  it('asks once the typing pauses, from two characters on, and groups the answers', async () => {
    const asked = serveSuggestions()
    const user = userEvent.setup()
    renderWithProviders(<SearchBox />)

    const box = screen.getByRole('combobox', { name: 'Search TechMarket' })
    await user.type(box, 'a')
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(asked).toEqual([])

    await user.type(box, 'pple')
    const listbox = await screen.findByRole('listbox')
    // One request for the settled text, not one per key.
    expect(asked).toEqual(['apple'])
    expect(within(listbox).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'iPhone 15 Pro 256 GBlisting',
      'Applebrand',
      'iPhonescategory',
    ])
    expect(within(listbox).getByText('Brands')).toBeInTheDocument()
  })

  it('opens a chosen listing, chosen with the keyboard', async () => {
    serveSuggestions()
    const user = userEvent.setup()
    const { router } = renderWithProviders(<SearchBox />)

    await user.type(screen.getByRole('combobox', { name: 'Search TechMarket' }), 'iphone')
    await screen.findByRole('listbox')
    await user.keyboard('{ArrowDown}{Enter}')

    expect(router.state.location.pathname).toBe(`/products/${productDetail.id}`)
  })

  it('searches a chosen brand with the brand filter', async () => {
    serveSuggestions()
    const user = userEvent.setup()
    const { router } = renderWithProviders(<SearchBox />)

    await user.type(screen.getByRole('combobox', { name: 'Search TechMarket' }), 'apple')
    await user.click(await screen.findByRole('option', { name: /^Apple/ }))

    expect(router.state.location.pathname).toBe('/search')
    expect(new URLSearchParams(router.state.location.search).getAll('brand')).toEqual(['Apple'])
    expect(new URLSearchParams(router.state.location.search).get('q')).toBeNull()
  })

  it('opens a chosen category page', async () => {
    serveSuggestions()
    const user = userEvent.setup()
    const { router } = renderWithProviders(<SearchBox />)

    await user.type(screen.getByRole('combobox', { name: 'Search TechMarket' }), 'iphones')
    await user.click(await screen.findByRole('option', { name: /^iPhonescategory/ }))

    expect(router.state.location.pathname).toBe('/categories/iphones')
  })

  it('still searches the typed text on Enter while suggestions are open', async () => {
    serveSuggestions()
    const user = userEvent.setup()
    const { router } = renderWithProviders(<SearchBox />)

    const box = screen.getByRole('combobox', { name: 'Search TechMarket' })
    await user.type(box, 'iphone 13')
    await screen.findByRole('listbox')
    await user.keyboard('{Enter}')

    await waitFor(() => expect(router.state.location.pathname).toBe('/search'))
    expect(new URLSearchParams(router.state.location.search).get('q')).toBe('iphone 13')
  })
})
