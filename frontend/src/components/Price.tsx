import Typography, { type TypographyProps } from '@mui/material/Typography'

/** How many minor units a currency has after the decimal point (2 for EUR, 0 for JPY). */
export function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits ?? 2
}

/**
 * Formats an integer amount of minor units as money, e.g. 129900 EUR → "€1,299.00" in en-US.
 * The amount goes to Intl as a decimal string, so no float rounding creeps in.
 */
export function formatPrice(amountMinor: number, currency: string, locale?: string): string {
  const digits = minorUnitDigits(currency)
  const negative = amountMinor < 0
  const units = String(Math.abs(Math.trunc(amountMinor))).padStart(digits + 1, '0')
  const whole = units.slice(0, units.length - digits)
  const fraction = units.slice(units.length - digits)
  const decimal = `${negative ? '-' : ''}${whole}${digits > 0 ? `.${fraction}` : ''}`
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency })
  // Intl accepts exact decimal strings (ES2023); the cast covers older lib typings.
  return format.format(decimal as unknown as number)
}

type PriceProps = { amount: number; currency: string } & Omit<TypographyProps, 'children'>

export function Price({ amount, currency, ...typography }: PriceProps) {
  return (
    <Typography sx={{ fontWeight: 700 }} {...typography}>
      {formatPrice(amount, currency)}
    </Typography>
  )
}

/**
 * Reads an amount typed in major units ("1299", "1,299.99", "12,5") as integer minor units
 * (129900, 129999, 1250), exactly: the digits are shifted as text, never multiplied as floats.
 * `undefined` for text that is not a non-negative amount with at most the currency's decimals.
 */
export function parseMoney(text: string, currency: string): number | undefined {
  const digits = minorUnitDigits(currency)
  let cleaned = text.trim().replace(/[\s\u00a0']/g, '')
  // One comma and no dot is a decimal comma ("12,5"); otherwise commas group thousands.
  if (/^\d*,\d+$/.test(cleaned) && !/^\d{1,3},\d{3}$/.test(cleaned)) cleaned = cleaned.replace(',', '.')
  cleaned = cleaned.replace(/,/g, '')
  const match = /^(\d*)(?:\.(\d*))?$/.exec(cleaned)
  if (!match || cleaned === '' || cleaned === '.') return undefined
  const whole = match[1] ?? ''
  const fraction = match[2] ?? ''
  if (fraction.length > digits) return undefined
  const minor = Number(`${whole || '0'}${fraction.padEnd(digits, '0')}`)
  return Number.isSafeInteger(minor) ? minor : undefined
}

/** Minor units as the text of a price input, in major units without grouping (129999 EUR → "1299.99"). */
export function moneyInputText(amountMinor: number, currency: string): string {
  const digits = minorUnitDigits(currency)
  const units = String(Math.abs(Math.trunc(amountMinor))).padStart(digits + 1, '0')
  const whole = units.slice(0, units.length - digits)
  const fraction = units.slice(units.length - digits)
  return digits > 0 && /[1-9]/.test(fraction) ? `${whole}.${fraction}` : whole
}
