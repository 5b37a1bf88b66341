import type { SerializedError } from '@reduxjs/toolkit'
import type { FetchBaseQueryError } from '@reduxjs/toolkit/query'
import Button from '@mui/material/Button'

import { ErrorState } from './ErrorState'

/** What an infinite RTK Query result offers for its next page. */
export type NextPages = {
  hasNextPage: boolean
  isFetchingNextPage: boolean
  isFetchNextPageError: boolean
  error?: FetchBaseQueryError | SerializedError
  fetchNextPage: () => unknown
}

/** "Load more" under a list of cursor pages, with the error of a failed next page and a retry. */
export function LoadMore({ query }: { query: NextPages }) {
  return (
    <>
      {query.isFetchNextPageError && (
        <ErrorState error={query.error} onRetry={() => void query.fetchNextPage()} />
      )}
      {query.hasNextPage && (
        <Button variant="outlined" className="self-center" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          Load more
        </Button>
      )}
    </>
  )
}
