import TextField from '@mui/material/TextField'

import { PRODUCT_SORTS, type ProductSort } from '../../api/types'
import { SORT_LABELS } from './productSearchUrl'

/** A native select: the phone's own picker on mobile, plain keyboard use on desktop. */
export function SortSelect({ value, onChange }: { value: ProductSort; onChange: (sort: ProductSort) => void }) {
  return (
    <TextField
      select
      size="small"
      label="Sort by"
      value={value}
      onChange={(event) => onChange(event.target.value as ProductSort)}
      slotProps={{ select: { native: true } }}
      className="min-w-52"
    >
      {PRODUCT_SORTS.map((sort) => (
        <option key={sort} value={sort}>
          {SORT_LABELS[sort]}
        </option>
      ))}
    </TextField>
  )
}
