import { describe, expect, it } from 'vitest'

import { countryOptions } from './countries'
import { matchCountry } from './CountryField'

describe('matchCountry', () => {
  const countries = countryOptions('en')

  it('matches a full name whatever its case, but not a part of one', () => {
    expect(matchCountry(countries, ' germany ', false)?.code).toBe('DE')
    expect(matchCountry(countries, 'Germ', false)).toBeUndefined()
  })

  it('matches an ISO code only when it was not typed key by key', () => {
    expect(matchCountry(countries, 'no', true)?.code).toBe('NO')
    expect(matchCountry(countries, 'no', false)).toBeUndefined()
    expect(matchCountry(countries, 'zz', true)).toBeUndefined()
  })
})
