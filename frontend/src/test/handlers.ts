import { http, HttpResponse } from 'msw'

import type {
  AddressCreate,
  ContactCreate,
  PasswordStrength,
  ProblemFieldError,
  ProductCreate,
  ProductDetail,
  ProductUpdate,
  SavedSearchCreate,
  SocialLinkCreate,
} from '../api/types'
import {
  activityPage,
  address,
  addresses,
  androidListingForm,
  categories,
  comparisonOf,
  contacts,
  detailOf,
  featuredProducts,
  imageUrls,
  me,
  myListings,
  newestPage,
  popularCategories,
  priceGuide,
  productDetail,
  productSummary,
  promotions,
  relatedProducts,
  savedSearches,
  sessions,
  socialLinks,
  suggestions,
  tokenPair,
  userAlerts,
  watchlist,
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

/** Every listing the fake backend knows by id: the product page's, and the seller's own. */
const knownListings = (): ProductDetail[] => [productDetail, ...myListings]
const findListing = (id: unknown) => knownListings().find((listing) => listing.id === id)
const listingNotFound = () => problem(404, 'Listing not found', 'No listing has this id.')

/** The listing `POST /products` creates from `body`, as the server would answer it. */
export function createdListing(body: ProductCreate, id = 'new-listing'): ProductDetail {
  const category = categories.find((entry) => entry.id === body.category_id)
  return detailOf(
    productSummary({
      id,
      title: body.title,
      brand: body.brand,
      model: body.model ?? '',
      condition: body.condition,
      price: body.price,
      currency: body.currency,
      image: null,
      featured: false,
      location: body.location ?? null,
      category: category ? { id: category.id, slug: category.slug, name: category.name } : productDetail.category,
    }),
    {
      description: body.description ?? '',
      specs: body.specs ?? {},
      options: (body.options ?? []).map((option, index) => ({ id: `o-new-${index}`, ...option })),
      images: [],
      quantity: body.quantity,
      visibility: body.visibility ?? 'public',
      cosmetic_notes: body.cosmetic_notes ?? '',
      shipping: body.shipping ?? null,
      device: body.serial_number ? { serial_masked: `•••••${body.serial_number.slice(-4)}`, history_count: 0 } : null,
    },
  )
}

/** A healthy backend; tests override single routes with `server.use(...)`. */
export const handlers = [
  http.get(api('/categories'), () => HttpResponse.json({ items: categories })),
  http.get(api('/categories/popular'), () => HttpResponse.json({ items: popularCategories })),
  http.get(api('/categories/:slug/listing-form'), ({ params }) => {
    const category = categories.find((entry) => entry.slug === params.slug)
    if (!category) return problem(404, 'Category not found')
    // Only the Android phones category has spec fields in this sample catalogue.
    return HttpResponse.json(
      params.slug === androidListingForm.category.slug
        ? androidListingForm
        : { category: { id: category.id, slug: category.slug, name: category.name }, fields: [], checklist: [] },
    )
  }),
  http.get(api('/promotions'), () => HttpResponse.json({ items: promotions })),
  http.get(api('/products/featured'), () => HttpResponse.json({ items: featuredProducts })),
  http.get(api('/products/mine'), ({ request }) => {
    if (!signedIn(request)) return unauthorized()
    const status = new URL(request.url).searchParams.get('status')
    return HttpResponse.json({
      items: status ? myListings.filter((listing) => listing.status === status) : myListings,
      next_cursor: null,
    })
  }),
  http.get(api('/products/suggest'), ({ request }) => {
    const q = (new URL(request.url).searchParams.get('q') ?? '').trim().toLowerCase()
    if (q.length < 2) {
      return problem(422, 'Your request has invalid fields', undefined, {
        errors: [{ field: 'q', in: 'query', message: 'at least 2 characters' }],
      })
    }
    const words = q.split(/\s+/)
    return HttpResponse.json({
      items: suggestions.filter((entry) => words.some((word) => entry.label.toLowerCase().includes(word))),
    })
  }),
  http.get(api('/products/compare'), ({ request }) => {
    const ids = (new URL(request.url).searchParams.get('ids') ?? '').split(',').filter(Boolean)
    if (ids.length < 2 || ids.length > 4) {
      return problem(422, 'Your request has invalid fields', 'Compare 2 to 4 listings.', {
        errors: [{ field: 'ids', in: 'query', message: 'give 2 to 4 ids' }],
      })
    }
    return HttpResponse.json(comparisonOf(ids))
  }),
  http.get(api('/products/price-guide'), ({ request }) => {
    const params = new URL(request.url).searchParams
    return HttpResponse.json({
      ...priceGuide,
      brand: params.get('brand'),
      model: params.get('model'),
      condition: params.get('condition'),
      currency: params.get('currency'),
    })
  }),
  http.get(api('/products/:id/related'), ({ params }) =>
    findListing(params.id) ? HttpResponse.json({ items: relatedProducts }) : listingNotFound(),
  ),
  http.get(api('/products/:id'), ({ params }) => {
    const listing = findListing(params.id)
    return listing ? HttpResponse.json(listing) : listingNotFound()
  }),
  http.get(api('/products'), () => HttpResponse.json(newestPage)),
  http.post(api('/products'), async ({ request }) => {
    if (!signedIn(request)) return unauthorized()
    return HttpResponse.json(createdListing((await request.json()) as ProductCreate), { status: 201 })
  }),
  http.patch(api('/products/:id'), async ({ params, request }) => {
    const listing = findListing(params.id)
    if (!listing) return listingNotFound()
    const { options, serial_number: _serial, checklist: _checklist, ...changes } = (await request.json()) as ProductUpdate
    return HttpResponse.json({
      ...listing,
      ...changes,
      ...(options ? { options: options.map((option, index) => ({ id: `o-${index}`, ...option })) } : {}),
    })
  }),
  http.delete(api('/products/:id'), ({ params }) => (findListing(params.id) ? noContent() : listingNotFound())),
  http.post(api('/products/:id/images'), async ({ params, request }) => {
    const listing = findListing(params.id)
    if (!listing) return listingNotFound()
    // jsdom's File reaches msw as another realm's Blob: check for "not a text field" instead of `instanceof`.
    const file = (await request.formData()).get('file')
    if (file === null || typeof file === 'string') {
      return problem(422, 'Your request has invalid fields', undefined, {
        errors: [{ field: 'file', in: 'body', message: 'Field required' }],
      })
    }
    return HttpResponse.json({ ...listing, images: [...listing.images, imageUrls('img-uploaded')] }, { status: 201 })
  }),
  http.delete(api('/products/:id/images/:imageId'), noContent),
  http.put(api('/products/:id/images/order'), async ({ params, request }) => {
    const listing = findListing(params.id)
    if (!listing) return listingNotFound()
    const { image_ids: ids } = (await request.json()) as { image_ids: string[] }
    const images = ids.map((id) => listing.images.find((image) => image.id === id))
    if (ids.length !== listing.images.length || images.some((image) => image === undefined)) {
      return problem(422, 'Your request has invalid fields', 'List every image of the listing once.')
    }
    return HttpResponse.json({ ...listing, images })
  }),

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
  // Watchlist, saved searches, alerts.
  http.get(api('/users/me/watchlist'), ({ request }) =>
    signedIn(request) ? HttpResponse.json({ items: watchlist, next_cursor: null }) : unauthorized(),
  ),
  http.put(api('/users/me/watchlist/:productId'), noContent),
  http.delete(api('/users/me/watchlist/:productId'), noContent),
  http.get(api('/users/me/saved-searches'), ({ request }) =>
    signedIn(request) ? HttpResponse.json({ items: savedSearches }) : unauthorized(),
  ),
  http.post(api('/users/me/saved-searches'), async ({ request }) => {
    const body = (await request.json()) as SavedSearchCreate
    return HttpResponse.json(
      { id: 'ss-new', ...body, created_at: '2025-11-25T12:00:00Z', new_matches: 0 },
      { status: 201 },
    )
  }),
  http.delete(api('/users/me/saved-searches/:id'), noContent),
  http.get(api('/users/me/alerts'), ({ request }) =>
    signedIn(request) ? HttpResponse.json({ items: userAlerts, next_cursor: null }) : unauthorized(),
  ),
  http.post(api('/users/me/alerts/read'), noContent),
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
