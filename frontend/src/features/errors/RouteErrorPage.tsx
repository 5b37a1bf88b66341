import Button from '@mui/material/Button'
import Typography from '@mui/material/Typography'
import { isRouteErrorResponse, useRouteError } from 'react-router'

import { NotFoundPage } from './NotFoundPage'

/**
 * Shown by the router when a page throws while rendering. It stands outside the
 * layout (the layout itself may be what failed), so it links home with a plain <a>.
 */
export function RouteErrorPage() {
  const error = useRouteError()
  if (isRouteErrorResponse(error) && error.status === 404) {
    return <NotFoundPage />
  }
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center gap-4 px-4 py-16 text-center">
      <title>Something went wrong · TechMarket</title>
      <Typography variant="h1">Something went wrong</Typography>
      <Typography color="text.secondary">
        This page hit an error. Reloading usually helps; if it keeps happening, come back a little later.
      </Typography>
      <Button variant="contained" href="/">
        Back to the home page
      </Button>
    </div>
  )
}
