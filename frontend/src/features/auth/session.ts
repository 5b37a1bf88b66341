import { authApi } from '../../api/auth'
import { useGetMeQuery } from '../../api/account'
import type { AppDispatch } from '../../app/store'
import { useAppSelector } from '../../app/hooks'
import { ACCOUNT_DELETED_MESSAGE, selectIsSignedIn, sessionEnded } from './authSlice'

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
    tellOtherTabs()
  }
}

function tellOtherTabs() {
  try {
    window.localStorage.setItem(SIGNED_OUT_KEY, String(Date.now()))
  } catch {
    // Storage blocked: other tabs find out at their next refresh.
  }
}

/**
 * After `DELETE /users/me`: the server has already ended every session, so there is nothing to
 * sign out of; the token and the cached data are forgotten here and in the other tabs, and the
 * person is sent home with `ACCOUNT_DELETED_MESSAGE` (see `RequireSignIn`, `HomeNotice`).
 */
export function accountDeleted() {
  return (dispatch: AppDispatch) => {
    dispatch(sessionEnded({ reason: null, homeNotice: ACCOUNT_DELETED_MESSAGE }))
    tellOtherTabs()
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
