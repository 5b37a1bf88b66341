import { describe, expect, it } from 'vitest'

import { formatPrice, minorUnitDigits, moneyInputText, parseMoney } from './Price'

describe('formatPrice', () => {
  it('formats minor units as the currency amount', () => {
    expect(formatPrice(129900, 'EUR', 'en-US')).toBe('€1,299.00')
    expect(formatPrice(5, 'EUR', 'en-US')).toBe('€0.05')
    expect(formatPrice(-1250, 'USD', 'en-US')).toBe('-$12.50')
  })

  it('follows the currency minor unit: none for JPY, three for KWD', () => {
    expect(minorUnitDigits('JPY')).toBe(0)
    expect(formatPrice(1299, 'JPY', 'en-US')).toBe('¥1,299')
    expect(minorUnitDigits('KWD')).toBe(3)
    // Intl puts a no-break space after the code; compare with Intl itself.
    expect(formatPrice(1500, 'KWD', 'en-US')).toBe(
      new Intl.NumberFormat('en-US', { style: 'currency', currency: 'KWD' }).format(1.5),
    )
    expect(formatPrice(1500, 'KWD', 'en-US')).toMatch(/1\.500$/)
  })

  it('is exact for amounts a float cannot divide cleanly', () => {
    expect(formatPrice(Number.MAX_SAFE_INTEGER, 'EUR', 'en-US')).toBe('€90,071,992,547,409.91')
  })

  it('uses the locale given', () => {
    expect(formatPrice(129900, 'EUR', 'de-DE')).toBe(
      new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(1299),
    )
  })
})

describe('parseMoney', () => {
  it('turns major units into exact minor units', () => {
    expect(parseMoney('1299', 'EUR')).toBe(129900)
    expect(parseMoney('1299.99', 'EUR')).toBe(129999)
    expect(parseMoney('1.15', 'EUR')).toBe(115)
    expect(parseMoney('12,5', 'EUR')).toBe(1250)
    expect(parseMoney('1,299.50', 'USD')).toBe(129950)
    expect(parseMoney('1,299', 'USD')).toBe(129900)
    expect(parseMoney('1500', 'JPY')).toBe(1500)
  })

  it('refuses what is not an amount in the currency', () => {
    expect(parseMoney('', 'EUR')).toBeUndefined()
    expect(parseMoney('-5', 'EUR')).toBeUndefined()
    expect(parseMoney('12.345', 'EUR')).toBeUndefined()
    expect(parseMoney('1.5', 'JPY')).toBeUndefined()
    expect(parseMoney('ten', 'EUR')).toBeUndefined()
  })
})

describe('moneyInputText', () => {
  it('writes minor units back as an editable amount', () => {
    expect(moneyInputText(129900, 'EUR')).toBe('1299')
    expect(moneyInputText(129950, 'EUR')).toBe('1299.50')
    expect(moneyInputText(5, 'EUR')).toBe('0.05')
    expect(moneyInputText(1500, 'JPY')).toBe('1500')
    expect(parseMoney(moneyInputText(129950, 'EUR'), 'EUR')).toBe(129950)
  })
})
