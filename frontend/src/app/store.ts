import { combineSlices, configureStore } from '@reduxjs/toolkit'
import { setupListeners } from '@reduxjs/toolkit/query'

import { techmarketApi } from '../api/techmarketApi'
import { authListener } from '../features/auth/authListener'
import { authSlice } from '../features/auth/authSlice'
import { guestCartListener, guestCartSlice } from '../features/cart/guestCartSlice'
import { compareListener, compareSlice } from '../features/compare/compareSlice'

// Server data lives in the RTK Query cache only; client-only slices join here.
const rootReducer = combineSlices(techmarketApi, authSlice, compareSlice, guestCartSlice)

export type RootState = ReturnType<typeof rootReducer>

export function makeStore(preloadedState?: Partial<RootState>) {
  const store = configureStore({
    reducer: rootReducer,
    middleware: (getDefaultMiddleware) =>
      getDefaultMiddleware()
        .prepend(authListener().middleware, compareListener().middleware, guestCartListener().middleware)
        .concat(techmarketApi.middleware),
    preloadedState,
  })
  // Refetch on focus / reconnect where an endpoint asks for it.
  setupListeners(store.dispatch)
  return store
}

export type AppStore = ReturnType<typeof makeStore>
export type AppDispatch = AppStore['dispatch']
