import { useState } from 'react'
import { RouterProvider } from 'react-router'

import { AppProviders } from './AppProviders'
import { makeRouter } from './router'
import { makeStore } from './store'

export function App() {
  const [store] = useState(() => makeStore())
  const [router] = useState(makeRouter)
  return (
    <AppProviders store={store}>
      <RouterProvider router={router} />
    </AppProviders>
  )
}
