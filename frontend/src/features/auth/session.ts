import { authApi } from '../../api/auth'
import { useGetMeQuery } from '../../api/account'
import type { AppDispatch } from '../../app/store'
import { useAppSelector } from '../../app/hooks'
import { selectIsSignedIn, sessionEnded } from './authSlice'

/** Written on sign-out, so the other tabs of this browser (same session) sign out too. */
export const SIGNED_OUT_KEY = 'techmarket.signedOut'

/**
 * Signs out: `POST /auth/logout` (revokes the session and clears the refresh cookie), then
 * forgets the token here whatever the server answered (offline, session already over), and
 * tells the other tabs.
 */
export function signOut(reason: string | null = null) {
  return async (dispatch: AppDispatch) => {
    try {
      await dispatch(authApi.endpoints.logout.initiate(undefined, { track: false })).unwrap()
    } catch {
      // The session ends on this device all the same.
    }
    dispatch(sessionEnded({ reason }))
    try {
      window.localStorage.setItem(SIGNED_OUT_KEY, String(Date.now()))
    } catch {
      // Storage blocked: other tabs find out at their next refresh.
    }
  }
}

/** Asks the server for a new access token through the refresh cookie (shared, one at a time). */
export function refreshSession() {
  return (dispatch: AppDispatch) =>
    dispatch(authApi.endpoints.refreshSession.initiate(undefined, { track: false })).unwrap()
}

/** The signed-in user from `GET /users/me`; not asked for while signed out. */
export function useMe() {
  const signedIn = useAppSelector(selectIsSignedIn)
  return useGetMeQuery(undefined, { skip: !signedIn })
}
