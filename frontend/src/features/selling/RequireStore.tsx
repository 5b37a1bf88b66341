import Button from '@mui/material/Button'
import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import type { ReactNode } from 'react'
import { Link as RouterLink } from 'react-router'

import { ErrorState } from '../../components/ErrorState'
import { LoadingState } from '../../components/LoadingState'
import { RequireSignIn } from '../auth/RequireSignIn'
import { useMe } from '../auth/session'

/** Selling pages: signed in, with a store. Without one, a way to open it. */
export function RequireStore({ children }: { children: ReactNode }) {
  return (
    <RequireSignIn>
      <StoreCheck>{children}</StoreCheck>
    </RequireSignIn>
  )
}

function StoreCheck({ children }: { children: ReactNode }) {
  const { data: me, isLoading, isError, error, refetch } = useMe()
  if (isLoading) return <LoadingState label="Loading your account" variant="page" />
  if (isError || !me) return <ErrorState error={error} onRetry={() => void refetch()} />
  if (me.dealer_id !== null) return children
  return (
    <Paper variant="outlined" className="mx-auto flex max-w-xl flex-col items-start gap-4 p-6 sm:p-10">
      <title>Start selling · TechMarket</title>
      <Typography variant="h1">Open a store to sell</Typography>
      <Typography color="text.secondary">
        Listings belong to a store. Open yours in your account: it takes a minute, and then you can list
        phones, laptops and parts.
      </Typography>
      <Button variant="contained" component={RouterLink} to="/account?tab=selling">
        Open my store
      </Button>
    </Paper>
  )
}
