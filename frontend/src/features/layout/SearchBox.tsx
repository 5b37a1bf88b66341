import SearchIcon from '@mui/icons-material/Search'
import IconButton from '@mui/material/IconButton'
import InputAdornment from '@mui/material/InputAdornment'
import TextField from '@mui/material/TextField'
import { useState, type FormEvent } from 'react'
import { useNavigate, useSearchParams } from 'react-router'

/** The header search: submitting goes to `/search?q=…`. */
export function SearchBox({ className }: { className?: string }) {
  const [searchParams] = useSearchParams()
  const currentQuery = searchParams.get('q') ?? ''
  // Keyed by the URL's query, so the box follows back/forward and links to other searches.
  return <SearchForm key={currentQuery} initialQuery={currentQuery} className={className} />
}

function SearchForm({ initialQuery, className }: { initialQuery: string; className?: string }) {
  const navigate = useNavigate()
  const [text, setText] = useState(initialQuery)

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const q = text.trim()
    void navigate(q ? `/search?${new URLSearchParams({ q }).toString()}` : '/search')
  }

  return (
    <form role="search" onSubmit={submit} className={className}>
      <TextField
        fullWidth
        size="small"
        type="search"
        label="Search TechMarket"
        value={text}
        onChange={(event) => setText(event.target.value)}
        slotProps={{
          input: {
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
    </form>
  )
}
