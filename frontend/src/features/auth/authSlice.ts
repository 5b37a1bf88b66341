import { createSlice, type PayloadAction } from '@reduxjs/toolkit'

/**
 * Client-only sign-in state. The access token lives here, in memory only (never in
 * localStorage): a reload starts without it and gets a new one through the httpOnly
 * refresh cookie. The user's data (`Me`) is server data and stays in RTK Query.
 */
export type AuthState = {
  /** Bearer token for API calls; `null` when signed out. */
  accessToken: string | null
  /** When the access token runs out (ms since the epoch). */
  expiresAt: number | null
  /** Why the last session ended, shown once on the sign-in page ("You were signed out after…"). */
  signedOutReason: string | null
  /** Whether the app has asked the server, once since it started, for a session (refresh cookie). */
  sessionChecked: boolean
  /**
   * Why the session ended when the person goes home rather than to sign-in ("Your account was
   * deleted."). Shown on the home page until dismissed or the next sign-in.
   */
  homeNotice: string | null
}

export const initialAuthState: AuthState = {
  accessToken: null,
  expiresAt: null,
  signedOutReason: null,
  sessionChecked: false,
  homeNotice: null,
}

export const IDLE_SIGN_OUT_MESSAGE = 'You were signed out after 30 minutes without activity.'
export const SESSION_ENDED_MESSAGE = 'Your session has ended. Please sign in again.'
export const SIGNED_OUT_ELSEWHERE_MESSAGE = 'You signed out in another tab.'
export const ACCOUNT_DELETED_MESSAGE = 'Your account was deleted.'

export const authSlice = createSlice({
  name: 'auth',
  initialState: initialAuthState,
  reducers: {
    /** A new access token from sign-in or a refresh. `receivedAt` keeps the reducer pure. */
    tokenReceived(state, action: PayloadAction<{ accessToken: string; expiresIn: number; receivedAt: number }>) {
      const { accessToken, expiresIn, receivedAt } = action.payload
      state.accessToken = accessToken
      state.expiresAt = receivedAt + expiresIn * 1000
      state.signedOutReason = null
      state.sessionChecked = true
      state.homeNotice = null
    },
    /**
     * The session is over (sign-out, idle timeout, refresh refused) or there was none.
     * `homeNotice` instead of `reason` sends the person home, not to sign in (see `RequireSignIn`).
     */
    sessionEnded(state, action: PayloadAction<{ reason: string | null; homeNotice?: string }>) {
      state.accessToken = null
      state.expiresAt = null
      state.signedOutReason = action.payload.reason
      state.sessionChecked = true
      state.homeNotice = action.payload.homeNotice ?? null
    },
    signedOutReasonDismissed(state) {
      state.signedOutReason = null
    },
    homeNoticeDismissed(state) {
      state.homeNotice = null
    },
  },
  selectors: {
    selectAccessToken: (state) => state.accessToken,
    selectIsSignedIn: (state) => state.accessToken !== null,
    selectExpiresAt: (state) => state.expiresAt,
    selectSignedOutReason: (state) => state.signedOutReason,
    selectSessionChecked: (state) => state.sessionChecked,
    selectHomeNotice: (state) => state.homeNotice,
  },
})

export const { tokenReceived, sessionEnded, signedOutReasonDismissed, homeNoticeDismissed } = authSlice.actions
export const {
  selectAccessToken,
  selectIsSignedIn,
  selectExpiresAt,
  selectSignedOutReason,
  selectSessionChecked,
  selectHomeNotice,
} = authSlice.selectors
