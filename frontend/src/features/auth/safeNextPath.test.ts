import { describe, expect, it } from 'vitest'

import { safeNextPath, signInPath } from './safeNextPath'

describe('safeNextPath', () => {
  it.each([
    ['/account?tab=security', '/account?tab=security'],
    ['/products/p1', '/products/p1'],
    [null, '/'],
    ['', '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
  ])('turns %s into %s', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected)
  })

  it('builds the sign-in address that comes back to a page', () => {
    expect(signInPath('/account?tab=sessions')).toBe('/sign-in?next=%2Faccount%3Ftab%3Dsessions')
    expect(signInPath('/')).toBe('/sign-in')
  })
})
