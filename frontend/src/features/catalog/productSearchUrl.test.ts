import { describe, expect, it } from 'vitest'

import { productSearchFromUrl, productSearchLocation } from './productSearchUrl'

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
