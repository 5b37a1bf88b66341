import { render, type RenderOptions } from '@testing-library/react'
import type { ReactElement } from 'react'
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router'

import { AppProviders } from '../app/AppProviders'
import { makeStore, type AppStore, type RootState } from '../app/store'

type ProvidersOptions = Omit<RenderOptions, 'wrapper'> & {
  preloadedState?: Partial<RootState>
  store?: AppStore
  /** The URL the memory router starts at. */
  route?: string
  /** Route pattern the element is mounted on, so pages get their params (`/products/:id`). */
  path?: string
  /**
   * For flows that cross pages (sign-out → sign-in): `ui` becomes a layout at `/` that
   * renders these child routes through its `<Outlet />`.
   */
  routes?: RouteObject[]
}

/**
 * Renders `ui` with the app's store, theme and a memory router. The returned `router`
 * lets a test check where the app navigated (`router.state.location`).
 */
export function renderWithProviders(ui: ReactElement, options: ProvidersOptions = {}) {
  const { preloadedState, store = makeStore(preloadedState), route = '/', path = '*', routes, ...renderOptions } = options
  const routeTree: RouteObject[] = routes
    ? [{ path: '/', element: ui, children: routes }]
    : [
        { path, element: ui },
        // Anywhere else the test navigates to renders nothing; check `router.state.location`.
        ...(path === '*' ? [] : [{ path: '*', element: null }]),
      ]
  const router = createMemoryRouter(routeTree, { initialEntries: [route] })
  return {
    store,
    router,
    ...render(
      <AppProviders store={store}>
        <RouterProvider router={router} />
      </AppProviders>,
      renderOptions,
    ),
  }
}
