import { Outlet, ScrollRestoration } from 'react-router'

import { AuthSession } from '../auth/AuthSession'
import { CartMergeNotice } from '../cart/CartMergeNotice'
import { CompareBar } from '../compare/CompareBar'
import { Footer } from './Footer'
import { Header } from './Header'

export function Layout() {
  return (
    <div className="flex min-h-screen flex-col">
      <AuthSession />
      <Header />
      <main className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6">
        <CartMergeNotice />
        <Outlet />
      </main>
      <Footer />
      <CompareBar />
      <ScrollRestoration />
    </div>
  )
}
