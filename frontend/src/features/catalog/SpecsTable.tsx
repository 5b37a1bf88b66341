import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableRow from '@mui/material/TableRow'

import type { ProductDetail } from '../../api/types'

/** "screen_size_in" → "Screen size in": spec keys are snake_case on the wire. */
export function specLabel(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export function specValue(value: string | number | boolean): string {
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
