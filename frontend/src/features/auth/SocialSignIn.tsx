import GitHubIcon from '@mui/icons-material/GitHub'
import GoogleIcon from '@mui/icons-material/Google'
import Button from '@mui/material/Button'
import Divider from '@mui/material/Divider'
import type { ReactNode } from 'react'

import { useGetOAuthProvidersQuery } from '../../api/auth'
import type { OAuthProviderName } from '../../api/types'

/**
 * Where the browser goes to sign in with a provider. The backend sends it on to the provider,
 * then back here: to `next` with the refresh cookie set (the start-up refresh signs in), to
 * `/sign-in?mfa_token=…` when the account has two-step sign-in, or `/sign-in?error=…`.
 */
export function socialSignInUrl(provider: string, next: string): string {
  return `/api/v1/auth/oauth/${encodeURIComponent(provider)}/start?next=${encodeURIComponent(next)}`
}

/** A full-page navigation, not a request: the provider's pages take over the tab. */
export function startSocialSignIn(provider: string, next: string) {
  window.location.assign(socialSignInUrl(provider, next))
}

const ICONS: Partial<Record<OAuthProviderName, ReactNode>> = {
  google: <GoogleIcon />,
  github: <GitHubIcon />,
}

/**
 * "Continue with Google / GitHub" and an "or" before the form, for the providers the server has
 * configured. Nothing at all when there are none, or while the list is loading or failed.
 */
export function SocialSignIn({ next }: { next: string }) {
  const { data: providers } = useGetOAuthProvidersQuery()
  if (!providers || providers.length === 0) return null
  return (
    <>
      <div className="flex flex-col gap-2">
        {providers.map((provider) => (
          <Button
            key={provider.name}
            variant="outlined"
            size="large"
            fullWidth
            startIcon={ICONS[provider.name]}
            onClick={() => startSocialSignIn(provider.name, next)}
          >
            Continue with {provider.label}
          </Button>
        ))}
      </div>
      <Divider>or</Divider>
    </>
  )
}
