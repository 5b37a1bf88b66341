import '@testing-library/jest-dom/vitest'

import { cleanup, configure } from '@testing-library/react'
import { afterAll, afterEach, beforeAll } from 'vitest'

import { server } from './server'

// A browser resolves `fetch('/api/v1/…')` against the page; Node's Request does not.
// Resolve relative URLs against jsdom's location, as the browser would.
const NodeRequest = globalThis.Request
globalThis.Request = class extends NodeRequest {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === 'string' ? new URL(input, window.location.href) : input, init)
  }
} as typeof Request

// findBy*/waitFor give up after 1 s by default; a loaded 2-core CI machine can need longer.
configure({ asyncUtilTimeout: 5000 })

// jsdom has no scrolling; React Router's <ScrollRestoration> calls it on every navigation.
window.scrollTo = () => {}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  cleanup()
  server.resetHandlers()
  // The compare list and the sign-out signal live in localStorage; every test starts without them.
  window.localStorage.clear()
})
afterAll(() => server.close())
