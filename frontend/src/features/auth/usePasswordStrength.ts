import { useEffect, useState } from 'react'

import { authApi } from '../../api/auth'
import type { PasswordStrength } from '../../api/types'
import { useAppDispatch } from '../../app/hooks'

/** How long typing must pause before the password is sent for a strength check. */
export const STRENGTH_DEBOUNCE_MS = 300

/**
 * The server's verdict on a password as it is typed, asked for 300 ms after typing stops.
 * The request is untracked, so the password never enters the Redux store; a newer password
 * cancels the older request. `pending` is true while the shown verdict is for older text.
 */
export function usePasswordStrength(password: string, context: { email?: string; display_name?: string } = {}) {
  const dispatch = useAppDispatch()
  const [result, setResult] = useState<{ password: string; strength: PasswordStrength } | null>(null)
  const { email, display_name: displayName } = context

  useEffect(() => {
    if (!password) return
    let request: { abort: () => void } | undefined
    let cancelled = false
    const timer = setTimeout(() => {
      const started = dispatch(
        authApi.endpoints.checkPasswordStrength.initiate(
          { password, email: email || undefined, display_name: displayName || undefined },
          { track: false },
        ),
      )
      request = started
      started.unwrap().then(
        (strength) => {
          if (!cancelled) setResult({ password, strength })
        },
        () => {
          // No verdict (offline, aborted): the meter keeps the last one; submit still validates.
        },
      )
    }, STRENGTH_DEBOUNCE_MS)
    return () => {
      cancelled = true
      clearTimeout(timer)
      request?.abort()
    }
  }, [dispatch, password, email, displayName])

  return {
    strength: password ? (result?.strength ?? null) : null,
    pending: password !== '' && result?.password !== password,
  }
}
