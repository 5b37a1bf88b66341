import SearchIcon from '@mui/icons-material/Search'
import Autocomplete from '@mui/material/Autocomplete'
import IconButton from '@mui/material/IconButton'
import InputAdornment from '@mui/material/InputAdornment'
import TextField from '@mui/material/TextField'
import { useMemo, useState, type FormEvent } from 'react'
import { useNavigate, useSearchParams } from 'react-router'

import { useSuggestProductsQuery } from '../../api/catalog'
import type { Suggestion, SuggestionKind } from '../../api/types'
import { useDebouncedValue } from '../../components/useDebouncedValue'
import { productPath } from '../catalog/ProductCard'

/** Suggestions are asked for from this many characters on (the API's minimum). */
const MIN_SUGGEST_LENGTH = 2
const MAX_SUGGEST_LENGTH = 100
const SUGGEST_DELAY_MS = 250

const KIND_ORDER: SuggestionKind[] = ['product', 'brand', 'category']
const KIND_GROUPS: Record<SuggestionKind, string> = { product: 'Listings', brand: 'Brands', category: 'Categories' }
const KIND_HINTS: Record<SuggestionKind, string> = { product: 'listing', brand: 'brand', category: 'category' }

/** Where choosing a suggestion goes: the listing, the brand's search, or the category page. */
export function suggestionPath(suggestion: Suggestion): string {
  switch (suggestion.kind) {
    case 'product':
      return productPath(suggestion.value)
    case 'brand':
      return `/search?${new URLSearchParams({ brand: suggestion.value }).toString()}`
    case 'category':
      return `/categories/${encodeURIComponent(suggestion.value)}`
  }
}

/** The header search: suggestions while typing; submitting goes to `/search?q=…`. */
export function SearchBox({ className }: { className?: string }) {
  const [searchParams] = useSearchParams()
  const currentQuery = searchParams.get('q') ?? ''
  // Keyed by the URL's query, so the box follows back/forward and links to other searches.
  return <SearchForm key={currentQuery} initialQuery={currentQuery} className={className} />
}

function SearchForm({ initialQuery, className }: { initialQuery: string; className?: string }) {
  const navigate = useNavigate()
  const [text, setText] = useState(initialQuery)
  const typed = text.trim()
  const settled = useDebouncedValue(typed, SUGGEST_DELAY_MS)
  const wanted = typed.length >= MIN_SUGGEST_LENGTH && settled === typed
  const askable = settled.length >= MIN_SUGGEST_LENGTH && settled.length <= MAX_SUGGEST_LENGTH
  const { data, isFetching } = useSuggestProductsQuery(settled, { skip: !askable })
  // Grouped by kind for `groupBy`, which needs the options of a group next to each other.
  const options = useMemo(
    () =>
      typed.length >= MIN_SUGGEST_LENGTH && typed.length <= MAX_SUGGEST_LENGTH
        ? [...(data ?? [])].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind))
        : [],
    [data, typed.length],
  )

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    void navigate(typed ? `/search?${new URLSearchParams({ q: typed }).toString()}` : '/search')
  }

  return (
    <form role="search" onSubmit={submit} className={className}>
      <Autocomplete<Suggestion, false, false, true>
        freeSolo
        options={options}
        // The server has already matched the text.
        filterOptions={(all) => all}
        groupBy={(option) => KIND_GROUPS[option.kind]}
        getOptionLabel={(option) => (typeof option === 'string' ? option : option.label)}
        value={null}
        inputValue={text}
        onInputChange={(_event, value, reason) => {
          // "reset" is MUI writing a chosen option's label into the box: the page changes anyway.
          if (reason !== 'reset') setText(value)
        }}
        onChange={(_event, value) => {
          // A string is free text committed with Enter: the form's submit handles it.
          if (value !== null && typeof value !== 'string') void navigate(suggestionPath(value))
        }}
        loading={wanted && isFetching}
        loadingText="Looking for suggestions…"
        renderOption={(props, option) => {
          const { key, ...optionProps } = props
          return (
            <li key={key} {...optionProps}>
              <span className="flex-1">{option.label}</span>
              <span className="ml-2 text-xs text-slate-500">{KIND_HINTS[option.kind]}</span>
            </li>
          )
        }}
        renderInput={(params) => (
          <TextField
            {...params}
            size="small"
            label="Search TechMarket"
            slotProps={{
              ...params.slotProps,
              htmlInput: { ...params.slotProps.htmlInput, type: 'search', enterKeyHint: 'search' },
              input: {
                ...params.slotProps.input,
                endAdornment: (
                  <InputAdornment position="end">
                    <IconButton type="submit" edge="end" aria-label="Search">
                      <SearchIcon />
                    </IconButton>
                  </InputAdornment>
                ),
              },
            }}
          />
        )}
      />
    </form>
  )
}
