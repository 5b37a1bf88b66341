import { createListenerMiddleware } from '@reduxjs/toolkit'

import { techmarketApi } from '../../api/techmarketApi'
import { sessionEnded, type AuthState } from './authSlice'

/**
 * When a session ends, nothing of that account may stay behind for the next person at this
 * browser: the whole RTK Query cache (Me, sessions, activity, …) is dropped. One per store.
 */
export function authListener() {
  const listener = createListenerMiddleware()
  listener.startListening({
    actionCreator: sessionEnded,
    effect: (_action, api) => {
      const before = api.getOriginalState() as { auth: AuthState }
      if (before.auth.accessToken !== null) {
        api.dispatch(techmarketApi.util.resetApiState())
      }
    },
  })
  return listener
}
