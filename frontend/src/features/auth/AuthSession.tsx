import { useEffect, useRef } from 'react'
import { useLocation, useNavigate } from 'react-router'

import { useAppDispatch, useAppSelector } from '../../app/hooks'
import {
  IDLE_SIGN_OUT_MESSAGE,
  SIGNED_OUT_ELSEWHERE_MESSAGE,
  selectAccessToken,
  selectExpiresAt,
  selectIsSignedIn,
  selectSessionChecked,
  sessionEnded,
} from './authSlice'
import { signInPath } from './safeNextPath'
import { refreshSession, SIGNED_OUT_KEY, signOut } from './session'

/** Signed in and untouched this long (no pointer, key, touch or scroll): signed out. */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000
/** The access token is renewed this long before it runs out. */
export const REFRESH_LEAD_MS = 60 * 1000
/** After a refresh that got no answer (offline), the next try comes this much later. */
export const REFRESH_RETRY_MS = 30 * 1000

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'touchstart', 'wheel', 'scroll'] as const

/**
 * Keeps the session going while the app is open: the start-up check of the refresh cookie,
 * the quiet refresh before the token expires, the idle sign-out, and following a sign-out
 * in another tab. Renders nothing; the layout mounts it once.
 */
export function AuthSession({ idleTimeoutMs = IDLE_TIMEOUT_MS }: { idleTimeoutMs?: number }) {
  useRestoreSession()
  useTokenRefresh()
  useIdleSignOut(idleTimeoutMs)
  useSignOutFromOtherTabs()
  return null
}

/** On start, one refresh: the httpOnly cookie may still hold a session from before the reload. */
export function useRestoreSession() {
  const dispatch = useAppDispatch()
  const checked = useAppSelector(selectSessionChecked)
  const token = useAppSelector(selectAccessToken)
  useEffect(() => {
    if (!checked && token === null) {
      // Shared with any other refresh in flight, so StrictMode's second run adds no request.
      void dispatch(refreshSession())
    }
  }, [checked, token, dispatch])
}

/** A sign-out in another tab ended the shared session: forget the token here as well. */
function useSignOutFromOtherTabs() {
  const dispatch = useAppDispatch()
  const signedIn = useAppSelector(selectIsSignedIn)
  useEffect(() => {
    if (!signedIn) return
    const onStorage = (event: StorageEvent) => {
      if (event.key === SIGNED_OUT_KEY && event.newValue !== null) {
        dispatch(sessionEnded({ reason: SIGNED_OUT_ELSEWHERE_MESSAGE }))
      }
    }
    window.addEventListener('storage', onStorage)
    return () => window.removeEventListener('storage', onStorage)
  }, [dispatch, signedIn])
}

/** Renews the access token `REFRESH_LEAD_MS` before it expires, quietly. */
function useTokenRefresh() {
  const dispatch = useAppDispatch()
  const expiresAt = useAppSelector(selectExpiresAt)
  useEffect(() => {
    if (expiresAt === null) return
    let timer: ReturnType<typeof setTimeout> | undefined
    let cancelled = false
    const run = async () => {
      const outcome = await dispatch(refreshSession()).catch(() => 'unavailable' as const)
      // 'refreshed' sets a new expiry, which schedules the next run; 'ended' signed out.
      if (!cancelled && outcome === 'unavailable') timer = setTimeout(() => void run(), REFRESH_RETRY_MS)
    }
    timer = setTimeout(() => void run(), Math.max(expiresAt - REFRESH_LEAD_MS - Date.now(), 0))
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [dispatch, expiresAt])
}

/**
 * The last activity in any tab of this browser (ms since the epoch), in localStorage. All tabs
 * share one session (one refresh cookie), so a tab left alone must not sign out a person who
 * is busy in another one. It holds a timestamp only, nothing secret.
 */
export const SHARED_ACTIVITY_KEY = 'techmarket.lastActivity'
/** Activity is written for other tabs at most this often. */
const SHARE_EVERY_MS = 5_000

function readSharedActivity(): number {
  try {
    return Number(window.localStorage.getItem(SHARED_ACTIVITY_KEY)) || 0
  } catch {
    return 0 // Storage blocked: this tab decides alone.
  }
}

function writeSharedActivity(time: number) {
  try {
    window.localStorage.setItem(SHARED_ACTIVITY_KEY, String(time))
  } catch {
    // Storage blocked or full: this tab decides alone.
  }
}

/**
 * Signs out after `timeoutMs` without user activity in any tab, then shows the sign-in page
 * with the reason. Activity only moves a timestamp; one timer checks it, so pointer moves stay
 * cheap. Coming back to a hidden tab counts as activity only if the time had not already run out.
 */
function useIdleSignOut(timeoutMs: number) {
  const dispatch = useAppDispatch()
  const navigate = useNavigate()
  const location = useLocation()
  const signedIn = useAppSelector(selectIsSignedIn)
  const here = useRef('')
  here.current = location.pathname + location.search

  useEffect(() => {
    if (!signedIn) return
    let lastActivity = Date.now()
    let lastShared = lastActivity
    writeSharedActivity(lastActivity)
    let timer: ReturnType<typeof setTimeout> | undefined
    let done = false

    // A time from another tab's clock can't be later than now.
    const idleFor = () => Date.now() - Math.min(Date.now(), Math.max(lastActivity, readSharedActivity()))
    const expire = () => {
      done = true
      clearTimeout(timer)
      const comeBackTo = here.current
      // Replace: the page behind was for the signed-in person, and a guard may already be on its way here.
      void dispatch(signOut(IDLE_SIGN_OUT_MESSAGE)).then(() => navigate(signInPath(comeBackTo), { replace: true }))
    }
    const check = () => {
      if (done) return
      const idle = idleFor()
      if (idle >= timeoutMs) expire()
      else timer = setTimeout(check, timeoutMs - idle)
    }
    const onActivity = () => {
      lastActivity = Date.now()
      if (lastActivity - lastShared >= SHARE_EVERY_MS) {
        lastShared = lastActivity
        writeSharedActivity(lastActivity)
      }
    }
    const onVisibility = () => {
      if (document.visibilityState !== 'visible') return
      if (idleFor() >= timeoutMs) expire()
      else onActivity()
    }

    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true, capture: true })
    document.addEventListener('visibilitychange', onVisibility)
    timer = setTimeout(check, timeoutMs)
    return () => {
      done = true
      clearTimeout(timer)
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true })
      document.removeEventListener('visibilitychange', onVisibility)
    }
  }, [dispatch, navigate, signedIn, timeoutMs])
}
