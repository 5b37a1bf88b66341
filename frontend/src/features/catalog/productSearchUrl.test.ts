import { describe, expect, it } from 'vitest'

import { priceBand, productSearchFromUrl, productSearchLocation, specFilterValue, withSpecFilter } from './productSearchUrl'

describe('productSearchFromUrl', () => {
  it('reads every filter and drops values the API would refuse', () => {
    const params = new URLSearchParams(
      'q=+pixel+&brand=Google&brand=Samsung&condition=good&condition=broken&min_price=1000&max_price=-5&sort=cheapest',
    )

    expect(productSearchFromUrl(params)).toEqual({
      q: 'pixel',
      brand: ['Google', 'Samsung'],
      condition: ['good'],
      min_price: 1000,
    })
  })

  it('takes the category from the path before the query string', () => {
    expect(productSearchFromUrl(new URLSearchParams('category=laptops'), 'phones').category).toBe('phones')
    expect(productSearchFromUrl(new URLSearchParams('category=laptops')).category).toBe('laptops')
  })
})

describe('productSearchLocation', () => {
  it('keeps the category in the path on a category page', () => {
    expect(productSearchLocation({ category: 'phones', brand: ['Apple'], sort: 'newest' }, true)).toBe(
      '/categories/phones?brand=Apple&sort=newest',
    )
  })

  it('goes to /search when the category is cleared or the page is a search', () => {
    expect(productSearchLocation({ q: 'ssd', brand: ['Samsung', 'WD'] }, true)).toBe('/search?q=ssd&brand=Samsung&brand=WD')
    expect(productSearchLocation({ category: 'phones' }, false)).toBe('/search?category=phones')
  })
})

describe('spec filters', () => {
  it('reads repeated spec=name:value, dropping malformed ones, and writes them back repeated', () => {
    const search = productSearchFromUrl(new URLSearchParams('spec=ram_gb:8..32&spec=broken&spec=5g:true&spec=:x'), 'phones')

    expect(search.spec).toEqual(['ram_gb:8..32', '5g:true'])
    expect(productSearchLocation(search, true)).toBe('/categories/phones?spec=ram_gb%3A8..32&spec=5g%3Atrue')
  })

  it('sets one spec without touching the others', () => {
    expect(specFilterValue(['ram_gb:16', '5g:true'], '5g')).toBe('true')
    expect(specFilterValue(['ram_gb:16'], 'ram')).toBeUndefined()
    expect(withSpecFilter(['ram_gb:16', '5g:true'], 'ram_gb', '32')).toEqual(['5g:true', 'ram_gb:32'])
    expect(withSpecFilter(['ram_gb:16'], 'ram_gb', undefined)).toBeUndefined()
  })

  it('reads price bands with open ends', () => {
    expect(priceBand('10000..25000')).toEqual({ min_price: 10000, max_price: 25000 })
    expect(priceBand('..10000')).toEqual({ max_price: 10000 })
    expect(priceBand('50000..')).toEqual({ min_price: 50000 })
    expect(priceBand('..')).toBeUndefined()
    expect(priceBand('cheap')).toBeUndefined()
  })
})
