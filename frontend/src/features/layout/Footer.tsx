import Box from '@mui/material/Box'
import Link from '@mui/material/Link'
import Typography from '@mui/material/Typography'
import { Link as RouterLink } from 'react-router'

export function Footer() {
  return (
    <Box component="footer" className="mt-12" sx={{ borderTop: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
      <div className="mx-auto flex max-w-7xl flex-col gap-2 px-4 py-6 sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <Typography variant="body2" color="text.secondary">
          TechMarket: buy and sell phones, laptops and components, new and used.
        </Typography>
        <nav aria-label="Footer" className="flex gap-4">
          <Link component={RouterLink} to="/search" variant="body2">
            Browse all listings
          </Link>
          <Link component={RouterLink} to="/account" variant="body2">
            Your account
          </Link>
        </nav>
      </div>
    </Box>
  )
}
