import { describe, expect, it } from 'vitest'

import { errorMessageOf } from './problem'

describe('errorMessageOf', () => {
  it('uses the problem+json title and detail', () => {
    const error = {
      status: 422,
      data: { type: 'about:blank', title: 'Invalid filter', status: 422, detail: 'min_price must be ≥ 0' },
    }

    expect(errorMessageOf(error)).toEqual({ title: 'Invalid filter', detail: 'min_price must be ≥ 0', status: 422 })
  })

  it('names the status when the body is not problem+json', () => {
    expect(errorMessageOf({ status: 502, data: '<html>Bad gateway</html>' }).title).toBe('The server answered 502')
  })

  it('explains a network failure', () => {
    expect(errorMessageOf({ status: 'FETCH_ERROR', error: 'TypeError: Failed to fetch' }).title).toBe(
      "We can't reach TechMarket",
    )
  })
})
