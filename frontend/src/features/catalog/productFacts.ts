import type { DeviceInfo, Shipping } from '../../api/types'

/** "Serial ••••1234 · listed 2 times before on TechMarket". */
export function deviceLine(device: DeviceInfo): string {
  const serial = `Serial ••••${device.serial_masked.slice(-4)}`
  const count = device.history_count
  const history =
    count === 0
      ? 'first listed on TechMarket'
      : count === 1
        ? 'listed once before on TechMarket'
        : `listed ${count} times before on TechMarket`
  return `${serial} · ${history}`
}

const centimetres = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 })
const kilograms = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 })

/** "16 × 8 × 2 cm, 450 g" or "…, 2.3 kg". */
export function shippingText(shipping: Shipping): string {
  const size = [shipping.length_mm, shipping.width_mm, shipping.height_mm]
    .map((mm) => centimetres.format(mm / 10))
    .join(' × ')
  const weight =
    shipping.weight_grams >= 1000 ? `${kilograms.format(shipping.weight_grams / 1000)} kg` : `${shipping.weight_grams} g`
  return `${size} cm, ${weight}`
}
