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
