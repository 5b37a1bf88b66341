import Link from '@mui/material/Link'
import Tab from '@mui/material/Tab'
import Tabs from '@mui/material/Tabs'
import Typography from '@mui/material/Typography'
import { useTheme } from '@mui/material/styles'
import useMediaQuery from '@mui/material/useMediaQuery'
import { useId } from 'react'
import { Link as RouterLink, useSearchParams } from 'react-router'

import type { Me } from '../../api/types'
import { ErrorState } from '../../components/ErrorState'
import { LoadingState } from '../../components/LoadingState'
import { RequireSignIn } from '../auth/RequireSignIn'
import { useMe } from '../auth/session'
import { ActivityTab } from './ActivityTab'
import { AddressesTab } from './AddressesTab'
import { ProfileTab } from './ProfileTab'
import { SecurityTab } from './SecurityTab'
import { SellingTab } from './SellingTab'
import { SessionsTab } from './SessionsTab'

export const ACCOUNT_TABS = [
  { value: 'profile', label: 'Profile' },
  { value: 'addresses', label: 'Addresses' },
  { value: 'security', label: 'Security' },
  { value: 'sessions', label: 'Sessions' },
  { value: 'activity', label: 'Activity' },
  { value: 'selling', label: 'Selling' },
] as const
export type AccountTab = (typeof ACCOUNT_TABS)[number]['value']

/** The buyer's pages outside the account tabs. */
const SHOPPING_LINKS = [
  { path: '/account/orders', label: 'Orders' },
  { path: '/account/offers', label: 'Offers' },
  { path: '/account/watchlist', label: 'Watchlist' },
  { path: '/account/saved-searches', label: 'Saved searches' },
  { path: '/account/alerts', label: 'Alerts' },
  { path: '/notifications', label: 'Notifications' },
  { path: '/account/notifications', label: 'Notification settings' },
] as const

function isAccountTab(value: string | null): value is AccountTab {
  return ACCOUNT_TABS.some((tab) => tab.value === value)
}

/** `/account?tab=profile|addresses|security|sessions|activity|selling`: signed-in only. Side navigation on desktop, a scrolling tab row on phones. */
export function AccountPage() {
  return (
    <RequireSignIn>
      <AccountSections />
    </RequireSignIn>
  )
}

function AccountSections() {
  const { data: me, isLoading, isError, error, refetch } = useMe()
  const [searchParams, setSearchParams] = useSearchParams()
  const requested = searchParams.get('tab')
  const tab: AccountTab = isAccountTab(requested) ? requested : 'profile'
  const theme = useTheme()
  const wide = useMediaQuery(theme.breakpoints.up('md'))
  const baseId = useId()

  if (isLoading) return <LoadingState label="Loading your account" variant="page" />
  if (isError || !me) return <ErrorState error={error} onRetry={() => void refetch()} />

  const label = ACCOUNT_TABS.find((entry) => entry.value === tab)?.label ?? 'Profile'
  return (
    <div className="flex flex-col gap-4">
      <title>{`${label} · Your account · TechMarket`}</title>
      <Typography variant="h1">Your account</Typography>
      <nav aria-label="Your shopping" className="flex flex-wrap gap-x-4 gap-y-1">
        {SHOPPING_LINKS.map((link) => (
          <Link key={link.path} component={RouterLink} to={link.path} variant="body2">
            {link.label}
          </Link>
        ))}
      </nav>
      <div className="flex flex-col gap-4 md:flex-row md:gap-8">
        <Tabs
          value={tab}
          onChange={(_event, value: AccountTab) =>
            setSearchParams(value === 'profile' ? {} : { tab: value }, { replace: true })
          }
          orientation={wide ? 'vertical' : 'horizontal'}
          variant="scrollable"
          scrollButtons="auto"
          allowScrollButtonsMobile
          aria-label="Account sections"
          className="shrink-0 md:w-48"
          sx={{ borderBottom: wide ? 0 : 1, borderRight: wide ? 1 : 0, borderColor: 'divider' }}
        >
          {ACCOUNT_TABS.map((entry) => (
            <Tab
              key={entry.value}
              value={entry.value}
              label={entry.label}
              id={`${baseId}-tab-${entry.value}`}
              aria-controls={`${baseId}-panel-${entry.value}`}
              className={wide ? 'items-start' : undefined}
            />
          ))}
        </Tabs>
        <section
          role="tabpanel"
          id={`${baseId}-panel-${tab}`}
          aria-labelledby={`${baseId}-tab-${tab}`}
          className="min-w-0 flex-1"
        >
          <AccountPanel tab={tab} me={me} />
        </section>
      </div>
    </div>
  )
}

function AccountPanel({ tab, me }: { tab: AccountTab; me: Me }) {
  switch (tab) {
    case 'profile':
      return <ProfileTab me={me} />
    case 'addresses':
      return <AddressesTab />
    case 'security':
      return <SecurityTab me={me} />
    case 'sessions':
      return <SessionsTab />
    case 'activity':
      return <ActivityTab />
    case 'selling':
      return <SellingTab me={me} />
  }
}
