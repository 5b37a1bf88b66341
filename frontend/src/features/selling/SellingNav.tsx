import Link from '@mui/material/Link'
import { Link as RouterLink, useLocation } from 'react-router'

const PAGES = [
  { path: '/selling', label: 'My listings' },
  { path: '/selling/sales', label: 'Sales' },
  { path: '/selling/payouts', label: 'Payouts' },
] as const

/** Links between the seller's pages: listings, sales, payouts. */
export function SellingNav() {
  const { pathname } = useLocation()
  return (
    <nav aria-label="Selling" className="flex flex-wrap gap-x-4 gap-y-1">
      {PAGES.map((page) => {
        const current = page.path === '/selling' ? pathname === '/selling' : pathname.startsWith(page.path)
        return (
          <Link
            key={page.path}
            component={RouterLink}
            to={page.path}
            variant="body2"
            aria-current={current ? 'page' : undefined}
            underline={current ? 'none' : 'hover'}
            className={current ? 'font-semibold text-inherit' : undefined}
          >
            {page.label}
          </Link>
        )
      })}
    </nav>
  )
}
