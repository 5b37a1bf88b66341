import Link from '@mui/material/Link'
import Typography from '@mui/material/Typography'
import type { ReactNode } from 'react'
import { Link as RouterLink, useLocation } from 'react-router'

const PAGES = [
  { path: '/account/orders', label: 'Orders' },
  { path: '/account/offers', label: 'Offers' },
  { path: '/account/watchlist', label: 'Watchlist' },
  { path: '/account/saved-searches', label: 'Saved searches' },
  { path: '/account/alerts', label: 'Alerts' },
] as const

/** The frame of the orders, offers, watchlist, saved searches and alerts pages: heading, links between them, actions. */
export function AccountListLayout({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  const { pathname } = useLocation()
  return (
    <div className="flex flex-col gap-4">
      <title>{`${title} · TechMarket`}</title>
      <nav aria-label="Your lists" className="flex flex-wrap gap-x-4 gap-y-1">
        <Link component={RouterLink} to="/account" variant="body2">
          Your account
        </Link>
        {PAGES.map((page) => (
          <Link
            key={page.path}
            component={RouterLink}
            to={page.path}
            variant="body2"
            aria-current={pathname === page.path ? 'page' : undefined}
            underline={pathname === page.path ? 'none' : 'hover'}
            className={pathname === page.path ? 'font-semibold text-inherit' : undefined}
          >
            {page.label}
          </Link>
        ))}
      </nav>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Typography variant="h1">{title}</Typography>
        {action}
      </div>
      {children}
    </div>
  )
}
