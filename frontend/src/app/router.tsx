import { createBrowserRouter, type RouteObject } from 'react-router'

import { LoadingState } from '../components/LoadingState'
import { NotFoundPage } from '../features/errors/NotFoundPage'
import { RouteErrorPage } from '../features/errors/RouteErrorPage'
import { HomePage } from '../features/home/HomePage'
import { Layout } from '../features/layout/Layout'

// The home page ships with the first load; other pages load when first visited.
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteErrorPage />,
    // Shown while the first page's code loads when the app opens on a lazy route.
    hydrateFallbackElement: <LoadingState label="Loading TechMarket" variant="page" />,
    children: [
      { index: true, element: <HomePage /> },
      {
        path: 'search',
        lazy: async () => ({ Component: (await import('../features/catalog/SearchPage')).SearchPage }),
      },
      {
        path: 'categories/:slug',
        lazy: async () => ({ Component: (await import('../features/catalog/SearchPage')).SearchPage }),
      },
      {
        path: 'products/:id',
        lazy: async () => ({ Component: (await import('../features/catalog/ProductPage')).ProductPage }),
      },
      {
        path: 'compare',
        lazy: async () => ({ Component: (await import('../features/compare/ComparePage')).ComparePage }),
      },
      {
        path: 'selling',
        lazy: async () => ({ Component: (await import('../features/selling/MyListingsPage')).MyListingsPage }),
      },
      {
        path: 'selling/new',
        lazy: async () => ({ Component: (await import('../features/selling/ListingFormPage')).NewListingPage }),
      },
      {
        path: 'selling/sales',
        lazy: async () => ({ Component: (await import('../features/sales/SalesPage')).SalesPage }),
      },
      {
        path: 'selling/sales/:id',
        lazy: async () => ({ Component: (await import('../features/sales/SalePage')).SalePage }),
      },
      {
        path: 'selling/payouts',
        lazy: async () => ({ Component: (await import('../features/payouts/PayoutsPage')).PayoutsPage }),
      },
      {
        path: 'selling/:id/edit',
        lazy: async () => ({ Component: (await import('../features/selling/ListingFormPage')).EditListingPage }),
      },
      { path: 'cart', lazy: async () => ({ Component: (await import('../features/cart/CartPage')).CartPage }) },
      {
        path: 'checkout',
        lazy: async () => ({ Component: (await import('../features/checkout/CheckoutPage')).CheckoutPage }),
      },
      {
        path: 'checkout/complete',
        lazy: async () => ({
          Component: (await import('../features/checkout/CheckoutCompletePage')).CheckoutCompletePage,
        }),
      },
      {
        path: 'account',
        lazy: async () => ({ Component: (await import('../features/account/AccountPage')).AccountPage }),
      },
      {
        path: 'account/orders',
        lazy: async () => ({ Component: (await import('../features/orders/OrdersPage')).OrdersPage }),
      },
      {
        path: 'account/orders/:id',
        lazy: async () => ({ Component: (await import('../features/orders/OrderPage')).OrderPage }),
      },
      {
        path: 'orders/:id/tracking',
        lazy: async () => ({ Component: (await import('../features/shipping/TrackingPage')).TrackingPage }),
      },
      {
        path: 'notifications',
        lazy: async () => ({ Component: (await import('../features/notifications/NotificationsPage')).NotificationsPage }),
      },
      {
        path: 'account/notifications',
        lazy: async () => ({
          Component: (await import('../features/notifications/NotificationSettingsPage')).NotificationSettingsPage,
        }),
      },
      {
        path: 'account/offers',
        lazy: async () => ({ Component: (await import('../features/offers/OffersPage')).OffersPage }),
      },
      {
        path: 'account/watchlist',
        lazy: async () => ({ Component: (await import('../features/watchlist/WatchlistPage')).WatchlistPage }),
      },
      {
        path: 'account/saved-searches',
        lazy: async () => ({ Component: (await import('../features/watchlist/SavedSearchesPage')).SavedSearchesPage }),
      },
      {
        path: 'account/alerts',
        lazy: async () => ({ Component: (await import('../features/watchlist/AlertsPage')).AlertsPage }),
      },
      {
        path: 'sign-in',
        lazy: async () => ({ Component: (await import('../features/auth/SignInPage')).SignInPage }),
      },
      {
        path: 'sign-up',
        lazy: async () => ({ Component: (await import('../features/auth/SignUpPage')).SignUpPage }),
      },
      {
        path: 'forgot-password',
        lazy: async () => ({ Component: (await import('../features/auth/ForgotPasswordPage')).ForgotPasswordPage }),
      },
      {
        path: 'reset-password',
        lazy: async () => ({ Component: (await import('../features/auth/ResetPasswordPage')).ResetPasswordPage }),
      },
      {
        path: 'verify-email',
        lazy: async () => ({ Component: (await import('../features/auth/VerifyEmailPage')).VerifyEmailPage }),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]

export function makeRouter() {
  return createBrowserRouter(routes)
}
