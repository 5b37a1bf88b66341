import Button from '@mui/material/Button'
import Typography from '@mui/material/Typography'
import { Link as RouterLink } from 'react-router'

export function NotFoundPage() {
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center gap-4 py-12 text-center">
      <title>Page not found · TechMarket</title>
      <Typography variant="h1">Page not found</Typography>
      <Typography color="text.secondary">
        There is nothing at this address. It may have moved, or the link may be mistyped.
      </Typography>
      <Button variant="contained" component={RouterLink} to="/">
        Back to the home page
      </Button>
    </div>
  )
}
