import { http, HttpResponse } from 'msw'

import type { AddressCreate, ContactCreate, PasswordStrength, ProblemFieldError, SocialLinkCreate } from '../api/types'
import {
  activityPage,
  address,
  addresses,
  categories,
  contacts,
  featuredProducts,
  me,
  newestPage,
  productDetail,
  sessions,
  socialLinks,
  tokenPair,
} from './fixtures'

/** The API base every handler answers under, resolved like a browser would resolve `/api/v1`. */
export const api = (path: string) => new URL(`/api/v1${path}`, window.location.origin).href

/** An RFC 9457 error response, as the backend sends them; `errors` for a 422, `headers` e.g. Retry-After. */
export function problem(
  status: number,
  title: string,
  detail?: string,
  extra: { errors?: ProblemFieldError[]; headers?: Record<string, string> } = {},
) {
  return HttpResponse.json(
    { type: 'about:blank', title, status, detail, ...(extra.errors ? { errors: extra.errors } : {}) },
    { status, headers: { 'Content-Type': 'application/problem+json', ...extra.headers } },
  )
}

/** A stand-in for the server's strength check: longer is stronger, short passwords get a reason. */
export function strengthOf(password: string): PasswordStrength {
  const score = Math.min(4, Math.floor(password.length / 4)) as PasswordStrength['score']
  return {
    acceptable: score >= 3,
    score,
    reasons: password.length < 12 ? ['Use at least 12 characters.'] : [],
    suggestions: score < 4 ? ['Add another word or two.'] : [],
  }
}

const noContent = () => new HttpResponse(null, { status: 204 })
const signedIn = (request: Request) => request.headers.get('Authorization')?.startsWith('Bearer ') === true
const unauthorized = () => problem(401, 'Not signed in', 'Sign in to continue.')

/** A healthy backend; tests override single routes with `server.use(...)`. */
export const handlers = [
  http.get(api('/categories'), () => HttpResponse.json({ items: categories })),
  http.get(api('/products/featured'), () => HttpResponse.json({ items: featuredProducts })),
  http.get(api('/products/:id'), ({ params }) =>
    params.id === productDetail.id
      ? HttpResponse.json(productDetail)
      : problem(404, 'Listing not found', 'No listing has this id.'),
  ),
  http.get(api('/products'), () => HttpResponse.json(newestPage)),

  // Accounts. By default the browser holds no session cookie: the start-up refresh gets a 401.
  http.post(api('/auth/refresh'), () => problem(401, 'No session', 'Sign in again.')),
  http.post(api('/auth/register'), async ({ request }) => {
    const body = (await request.json()) as { email: string; display_name: string }
    return HttpResponse.json(me({ email: body.email, display_name: body.display_name, email_verified: false }), {
      status: 201,
    })
  }),
  http.post(api('/auth/password/strength'), async ({ request }) => {
    const body = (await request.json()) as { password: string }
    return HttpResponse.json(strengthOf(body.password))
  }),
  http.post(api('/auth/login'), () => HttpResponse.json(tokenPair())),
  http.post(api('/auth/login/mfa'), () => HttpResponse.json(tokenPair())),
  http.post(api('/auth/logout'), noContent),
  // No social sign-in configured unless a test says otherwise.
  http.get(api('/auth/oauth/providers'), () => HttpResponse.json({ items: [] })),
  http.post(api('/auth/email/verify'), noContent),
  http.post(api('/auth/email/verify/resend'), () => new HttpResponse(null, { status: 202 })),
  http.post(api('/auth/password/forgot'), () => new HttpResponse(null, { status: 202 })),
  http.post(api('/auth/password/reset'), noContent),
  http.post(api('/auth/password/change'), noContent),
  http.post(api('/auth/mfa/totp/setup'), () =>
    HttpResponse.json({
      secret: 'JBSWY3DPEHPK3PXP',
      otpauth_uri: 'otpauth://totp/TechMarket:ada%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=TechMarket',
    }),
  ),
  http.post(api('/auth/mfa/totp/confirm'), () =>
    HttpResponse.json({ recovery_codes: Array.from({ length: 10 }, (_, i) => `code-${String(i).padStart(4, '0')}-abcd`) }),
  ),
  http.post(api('/auth/mfa/totp/disable'), noContent),
  http.get(api('/auth/sessions'), ({ request }) =>
    signedIn(request) ? HttpResponse.json({ items: sessions, next_cursor: null }) : unauthorized(),
  ),
  http.delete(api('/auth/sessions/:id'), noContent),
  http.get(api('/auth/activity'), ({ request }) => (signedIn(request) ? HttpResponse.json(activityPage) : unauthorized())),
  http.get(api('/users/me'), ({ request }) => (signedIn(request) ? HttpResponse.json(me()) : unauthorized())),
  http.patch(api('/users/me'), async ({ request }) => {
    const body = (await request.json()) as { display_name: string }
    return HttpResponse.json(me({ display_name: body.display_name }))
  }),
  http.post(api('/users/me/email'), async ({ request }) => {
    const body = (await request.json()) as { new_email: string }
    return HttpResponse.json(me({ email: body.new_email, email_verified: false }))
  }),
  http.delete(api('/users/me'), noContent),
  http.get(api('/users/me/addresses'), ({ request }) =>
    signedIn(request) ? HttpResponse.json({ items: addresses, next_cursor: null }) : unauthorized(),
  ),
  http.post(api('/users/me/addresses'), async ({ request }) => {
    const body = (await request.json()) as AddressCreate
    return HttpResponse.json(
      address({ line2: null, region: null, phone: null, is_default: false, ...body, id: 'addr-new' }),
      { status: 201 },
    )
  }),
  http.patch(api('/users/me/addresses/:id'), async ({ params, request }) => {
    const existing = addresses.find((entry) => entry.id === params.id)
    if (!existing) return problem(404, 'Address not found')
    return HttpResponse.json({ ...existing, ...((await request.json()) as object) })
  }),
  http.delete(api('/users/me/addresses/:id'), noContent),
  http.get(api('/users/me/contacts'), ({ request }) =>
    signedIn(request) ? HttpResponse.json({ items: contacts }) : unauthorized(),
  ),
  http.post(api('/users/me/contacts'), async ({ request }) => {
    const body = (await request.json()) as ContactCreate
    return HttpResponse.json({ id: 'ct-new', ...body, created_at: '2025-11-25T12:00:00Z' }, { status: 201 })
  }),
  http.delete(api('/users/me/contacts/:id'), noContent),
  http.get(api('/users/me/social-links'), ({ request }) =>
    signedIn(request) ? HttpResponse.json({ items: socialLinks }) : unauthorized(),
  ),
  http.post(api('/users/me/social-links'), async ({ request }) => {
    const body = (await request.json()) as SocialLinkCreate
    return HttpResponse.json({ id: 'sl-new', ...body, created_at: '2025-11-25T12:00:00Z' }, { status: 201 })
  }),
  http.delete(api('/users/me/social-links/:id'), noContent),
  http.post(api('/users/me/dealer'), async ({ request }) => {
    const body = (await request.json()) as { store_name: string; description?: string; city?: string; country?: string }
    return HttpResponse.json(
      {
        id: 'd1',
        user_id: 'u1',
        store_name: body.store_name,
        description: body.description ?? null,
        city: body.city ?? null,
        country: body.country ?? null,
        created_at: '2025-11-25T12:00:00Z',
      },
      { status: 201 },
    )
  }),
]
