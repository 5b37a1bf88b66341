import Button from '@mui/material/Button'
import Checkbox from '@mui/material/Checkbox'
import FormControl from '@mui/material/FormControl'
import FormControlLabel from '@mui/material/FormControlLabel'
import FormGroup from '@mui/material/FormGroup'
import FormLabel from '@mui/material/FormLabel'
import Radio from '@mui/material/Radio'
import RadioGroup from '@mui/material/RadioGroup'
import TextField from '@mui/material/TextField'
import { useState, type FormEvent } from 'react'

import type { ProductSearch } from '../../api/catalog'
import type { Condition, FacetValue, ProductFacets, SpecFacet } from '../../api/types'
import { CONDITION_LABELS } from '../../components/ConditionChip'
import { minorUnitDigits } from '../../components/Price'
import { priceBand, specFilterValue, withSpecFilter } from './productSearchUrl'

type SearchFiltersProps = {
  search: ProductSearch
  facets: ProductFacets | undefined
  /** Currency the price range is typed in. */
  currency: string
  onChange: (search: ProductSearch) => void
}

/** Keeps a selected value visible even when the current results no longer count it. */
function withSelected(values: FacetValue[], selected: readonly string[], labelOf: (value: string) => string) {
  const known = new Set(values.map((facet) => facet.value))
  const missing = selected.filter((value) => !known.has(value)).map((value) => ({ value, label: labelOf(value), count: 0 }))
  return [...values, ...missing]
}

const toggled = <T extends string>(values: readonly T[] | undefined, value: T, on: boolean): T[] | undefined => {
  const next = (values ?? []).filter((existing) => existing !== value)
  if (on) next.push(value)
  return next.length > 0 ? next : undefined
}

export function SearchFilters({ search, facets, currency, onChange }: SearchFiltersProps) {
  const brands = withSelected(facets?.brand ?? [], search.brand ?? [], (value) => value)
  const conditions = withSelected(
    facets?.condition ?? [],
    search.condition ?? [],
    (value) => CONDITION_LABELS[value as Condition] ?? value,
  )
  const categories = withSelected(facets?.category ?? [], search.category ? [search.category] : [], (value) => value)
  const hasFilters = Boolean(
    search.category ||
      search.brand ||
      search.condition ||
      search.spec ||
      search.min_price !== undefined ||
      search.max_price !== undefined,
  )

  return (
    <div className="flex flex-col gap-6">
      {categories.length > 0 && (
        <FormControl component="fieldset">
          <FormLabel component="legend">Category</FormLabel>
          <RadioGroup
            value={search.category ?? ''}
            // Spec filters belong to a category: they go when it changes.
            onChange={(event) => onChange({ ...search, category: event.target.value || undefined, spec: undefined })}
          >
            <FormControlLabel value="" control={<Radio size="small" />} label="All categories" />
            {categories.map((facet) => (
              <FormControlLabel
                key={facet.value}
                value={facet.value}
                control={<Radio size="small" />}
                label={`${facet.label} (${facet.count})`}
              />
            ))}
          </RadioGroup>
        </FormControl>
      )}
      {brands.length > 0 && (
        <FormControl component="fieldset">
          <FormLabel component="legend">Brand</FormLabel>
          <FormGroup>
            {brands.map((facet) => (
              <FormControlLabel
                key={facet.value}
                label={`${facet.label} (${facet.count})`}
                control={
                  <Checkbox
                    size="small"
                    checked={search.brand?.includes(facet.value) ?? false}
                    onChange={(event) => onChange({ ...search, brand: toggled(search.brand, facet.value, event.target.checked) })}
                  />
                }
              />
            ))}
          </FormGroup>
        </FormControl>
      )}
      {conditions.length > 0 && (
        <FormControl component="fieldset">
          <FormLabel component="legend">Condition</FormLabel>
          <FormGroup>
            {conditions.map((facet) => (
              <FormControlLabel
                key={facet.value}
                label={`${facet.label} (${facet.count})`}
                control={
                  <Checkbox
                    size="small"
                    checked={search.condition?.includes(facet.value as Condition) ?? false}
                    onChange={(event) =>
                      onChange({
                        ...search,
                        condition: toggled(search.condition, facet.value as Condition, event.target.checked),
                      })
                    }
                  />
                }
              />
            ))}
          </FormGroup>
        </FormControl>
      )}
      {(facets?.specs ?? []).map((facet) => (
        <SpecFilter key={facet.name} facet={facet} search={search} onChange={onChange} />
      ))}
      {(facets?.price?.length ?? 0) > 0 && (
        <PriceBands bands={facets?.price ?? []} search={search} currency={currency} onChange={onChange} />
      )}
      <PriceRange
        key={`${search.min_price}-${search.max_price}-${currency}`}
        search={search}
        currency={currency}
        onChange={onChange}
      />
      {hasFilters && (
        <Button
          variant="text"
          onClick={() =>
            onChange({
              q: search.q,
              sort: search.sort,
              category: undefined,
              brand: undefined,
              condition: undefined,
              spec: undefined,
            })
          }
        >
          Clear filters
        </Button>
      )}
    </div>
  )
}

/** One choice or boolean spec of the category: any value, or exactly one (`spec=name:value`). */
function SpecFilter({ facet, search, onChange }: { facet: SpecFacet; search: ProductSearch; onChange: (search: ProductSearch) => void }) {
  const selected = specFilterValue(search.spec, facet.name)
  const values = withSelected(facet.values, selected === undefined ? [] : [selected], (value) =>
    facet.type === 'boolean' ? (value === 'true' ? 'Yes' : 'No') : value,
  )
  if (values.length === 0) return null
  return (
    <FormControl component="fieldset">
      <FormLabel component="legend">{facet.unit ? `${facet.label} (${facet.unit})` : facet.label}</FormLabel>
      <RadioGroup
        value={selected ?? ''}
        onChange={(event) => onChange({ ...search, spec: withSpecFilter(search.spec, facet.name, event.target.value || undefined) })}
      >
        <FormControlLabel value="" control={<Radio size="small" />} label="Any" />
        {values.map((value) => (
          <FormControlLabel
            key={value.value}
            value={value.value}
            control={<Radio size="small" />}
            label={`${value.label} (${value.count})`}
          />
        ))}
      </RadioGroup>
    </FormControl>
  )
}

/** The price bands of the results ("100 – 250"), each a min/max pair in the URL. */
function PriceBands({
  bands,
  search,
  currency,
  onChange,
}: {
  bands: FacetValue[]
  search: ProductSearch
  currency: string
  onChange: (search: ProductSearch) => void
}) {
  const current = `${search.min_price ?? ''}..${search.max_price ?? ''}`
  const selected = bands.some((band) => band.value === current) ? current : ''
  return (
    <FormControl component="fieldset">
      <FormLabel component="legend">Price band ({currency})</FormLabel>
      <RadioGroup
        value={selected}
        onChange={(event) => {
          const band = priceBand(event.target.value)
          onChange({ ...search, min_price: band?.min_price, max_price: band?.max_price })
        }}
      >
        <FormControlLabel value="" control={<Radio size="small" />} label="Any price" />
        {bands.map((band) => (
          <FormControlLabel
            key={band.value}
            value={band.value}
            control={<Radio size="small" />}
            label={`${band.label} (${band.count})`}
          />
        ))}
      </RadioGroup>
    </FormControl>
  )
}

/** Typed in whole currency units ("250"), sent in minor units (25000) as the API wants. */
function PriceRange({ search, currency, onChange }: Omit<SearchFiltersProps, 'facets'>) {
  const scale = 10 ** minorUnitDigits(currency)
  const shown = (minor: number | undefined) => (minor === undefined ? '' : String(minor / scale))
  // The parent keys this component by the applied range, so these start over when the URL changes.
  const [min, setMin] = useState(shown(search.min_price))
  const [max, setMax] = useState(shown(search.max_price))

  const toMinor = (text: string) => {
    const value = Number.parseFloat(text.replace(',', '.'))
    return Number.isFinite(value) && value >= 0 ? Math.round(value * scale) : undefined
  }

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    onChange({ ...search, min_price: toMinor(min), max_price: toMinor(max) })
  }

  return (
    <form onSubmit={apply} aria-label="Price range">
      <FormControl component="fieldset" className="w-full">
        <FormLabel component="legend">Price ({currency})</FormLabel>
        <div className="mt-2 flex items-center gap-2">
          <TextField
            size="small"
            label="Min price"
            value={min}
            onChange={(event) => setMin(event.target.value)}
            slotProps={{ htmlInput: { inputMode: 'decimal' } }}
          />
          <TextField
            size="small"
            label="Max price"
            value={max}
            onChange={(event) => setMax(event.target.value)}
            slotProps={{ htmlInput: { inputMode: 'decimal' } }}
          />
        </div>
        <Button type="submit" variant="outlined" size="small" className="mt-2 self-start">
          Apply price
        </Button>
      </FormControl>
    </form>
  )
}
