import { describe, expect, it } from 'vitest'

import { specLabel, specValue } from './SpecsTable'

describe('specLabel', () => {
  it.each([
    ['battery_health_pct', 'Battery health (%)'],
    ['ram_gb', 'RAM (GB)'],
    ['vram_gb', 'VRAM (GB)'],
    ['screen_inches', 'Screen (in)'],
    ['boost_clock_ghz', 'Boost clock (GHz)'],
    ['5g', '5G'],
    ['carrier_lock', 'Carrier lock'],
    ['gb', 'Gb'],
  ])('%s → %s', (key, label) => {
    expect(specLabel(key)).toBe(label)
  })

  it('writes booleans as Yes and No', () => {
    expect(specValue(true)).toBe('Yes')
    expect(specValue(false)).toBe('No')
    expect(specValue(6.1)).toBe('6.1')
  })
})
