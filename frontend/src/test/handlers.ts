import { http, HttpResponse } from 'msw'

import { categories, featuredProducts, newestPage, productDetail } from './fixtures'

/** The API base every handler answers under, resolved like a browser would resolve `/api/v1`. */
export const api = (path: string) => new URL(`/api/v1${path}`, window.location.origin).href

/** An RFC 9457 error response, as the backend sends them. */
export function problem(status: number, title: string, detail?: string) {
  return HttpResponse.json(
    { type: 'about:blank', title, status, detail },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  )
}

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
]
