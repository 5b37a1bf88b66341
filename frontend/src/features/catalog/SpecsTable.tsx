import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableRow from '@mui/material/TableRow'

import type { ProductDetail, Specification, SpecValue } from '../../api/types'

/** Unit suffixes of spec keys (`ram_gb`, `battery_health_pct`) and how a reader writes them. */
const UNITS: Record<string, string> = {
  gb: 'GB', tb: 'TB', mb: 'MB', pct: '%', inches: 'in', in: 'in', w: 'W', ghz: 'GHz',
  mhz: 'MHz', hz: 'Hz', mm: 'mm', g: 'g', kg: 'kg', mah: 'mAh', wh: 'Wh', mp: 'MP', db: 'dB',
}
const ACRONYMS = new Set([
  'ram', 'cpu', 'gpu', 'ssd', 'hdd', 'vram', 'tdp', 'usb', 'nfc', 'os', 'hdr', 'rgb', 'psu',
  'ddr', 'nvme', 'anc', 'oled', 'lcd', 'ips', 'sim', 'imei', '4g', '5g',
])

/** "battery_health_pct" → "Battery health (%)", "ram_gb" → "RAM (GB)": keys are snake_case. */
export function specLabel(key: string): string {
  const words = key.split(/[_-]+/).filter(Boolean)
  const last = words.length > 1 ? words[words.length - 1] : undefined
  const unit = last === undefined ? undefined : UNITS[last.toLowerCase()]
  const named = (unit ? words.slice(0, -1) : words).map((word) =>
    ACRONYMS.has(word.toLowerCase()) ? word.toUpperCase() : word.toLowerCase(),
  )
  const text = named.join(' ')
  const label = text.charAt(0).toUpperCase() + text.slice(1)
  return unit ? `${label} (${unit})` : label
}

export function specValue(value: SpecValue): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  return String(value)
}

export function SpecsTable({ specs }: { specs: ProductDetail['specs'] }) {
  const entries = Object.entries(specs)
  if (entries.length === 0) return null
  return (
    <TableContainer>
      <Table size="small">
        <caption className="caption-top px-0 pt-0 pb-2 text-left text-xl font-semibold text-inherit">Specifications</caption>
        <TableBody>
          {entries.map(([key, value]) => (
            <TableRow key={key}>
              <TableCell component="th" scope="row" className="w-2/5 text-slate-600">
                {specLabel(key)}
              </TableCell>
              <TableCell>{specValue(value)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}

/** A spec value with its unit: "16 GB", "6.1 in", "96%"; booleans as Yes/No. */
export function formatSpecification(value: SpecValue | null, unit: string | null): string {
  if (value === null) return '—'
  const text = specValue(value)
  if (!unit || typeof value === 'boolean') return text
  return unit === '%' || unit === '°' ? `${text}${unit}` : `${text} ${unit}`
}

/** The labelled specs the server sends in the category's order (`specifications`). */
export function SpecificationsTable({ specifications }: { specifications: readonly Specification[] }) {
  if (specifications.length === 0) return null
  return (
    <TableContainer>
      <Table size="small">
        <caption className="caption-top px-0 pt-0 pb-2 text-left text-xl font-semibold text-inherit">Specifications</caption>
        <TableBody>
          {specifications.map((spec) => (
            <TableRow key={spec.name}>
              <TableCell component="th" scope="row" className="w-2/5 text-slate-600">
                {spec.label}
              </TableCell>
              <TableCell>{formatSpecification(spec.value, spec.unit)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
