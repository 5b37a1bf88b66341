import { fetchEventSource, EventStreamContentType } from '@microsoft/fetch-event-source'
import { useEffect, useRef, useState } from 'react'

import { useAppDispatch, useAppSelector } from '../app/hooks'
import { selectAccessToken, selectIsSignedIn } from '../features/auth/authSlice'
import { refreshSession } from '../features/auth/session'

/** One server-sent event: its name (`event:` line) and its JSON `data`. */
export type StreamEvent = { event: string; data: unknown }

/**
 * Where a stream stands: `connecting` (also between retries), `open`, or `closed` for good
 * (`status` then says why: 403, 404, … or 401 when the session could not be renewed).
 */
export type StreamState = { state: 'idle' | 'connecting' | 'open' } | { state: 'closed'; status: number }

/** Waits this long before the first retry after a dropped connection, doubling up to `MAX_RETRY_MS`. */
export const FIRST_RETRY_MS = 1000
const MAX_RETRY_MS = 30_000

/** The server refused the stream with this HTTP status. */
class StreamRefused extends Error {
  readonly status: number
  constructor(status: number) {
    super(`The stream was refused (${status})`)
    this.status = status
  }
}

/** The connection dropped or the server ended the stream: try again later. */
class StreamDropped extends Error {}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = window.setTimeout(resolve, ms)
    signal.addEventListener('abort', () => {
      window.clearTimeout(timer)
      resolve()
    })
  })
}

/**
 * Listens to a server-sent event stream of `/api/v1` (`path` like `/orders/1/tracking/stream`)
 * while the component is mounted and someone is signed in, calling `onEvent` for each event.
 *
 * `EventSource` cannot send headers and the token must not go in the URL, so this uses
 * `fetch-event-source` with `Authorization: Bearer`. Each connection reads the current token
 * from the store; on a 401 it asks for a refresh (the app's one shared refresh) and connects
 * again with the new token. A dropped connection is retried with a growing pause; the server
 * sends the whole current state first on every connection, so nothing is lost meanwhile.
 * `null` as the path, signing out, or unmounting closes the stream.
 */
export function useEventStream(path: string | null, onEvent: (event: StreamEvent) => void): StreamState {
  const dispatch = useAppDispatch()
  const signedIn = useAppSelector(selectIsSignedIn)
  const token = useAppSelector(selectAccessToken)
  const [streamState, setStreamState] = useState<StreamState>({ state: 'idle' })
  // The latest values without restarting the stream: a new token is used by the next connection.
  const tokenRef = useRef(token)
  const onEventRef = useRef(onEvent)
  useEffect(() => {
    tokenRef.current = token
    onEventRef.current = onEvent
  })

  useEffect(() => {
    if (!path || !signedIn) {
      setStreamState({ state: 'idle' })
      return
    }
    const controller = new AbortController()
    const url = new URL(`/api/v1${path}`, window.location.href).href

    /** Whether the last connection got as far as an open stream. */
    let opened = false
    const connect = () =>
      fetchEventSource(url, {
        signal: controller.signal,
        headers: tokenRef.current ? { Authorization: `Bearer ${tokenRef.current}` } : {},
        // The bell must ring in a background tab too; the default closes hidden tabs' streams.
        openWhenHidden: true,
        onopen: async (response) => {
          if (response.ok && response.headers.get('content-type')?.startsWith(EventStreamContentType)) {
            opened = true
            setStreamState({ state: 'open' })
            return
          }
          if (response.status >= 400 && response.status < 500 && response.status !== 429) {
            throw new StreamRefused(response.status)
          }
          throw new StreamDropped(`The stream answered ${response.status}`)
        },
        onmessage: (message) => {
          // Keep-alive comments and nameless messages carry nothing for us; nor does anything
          // that was still on its way when the stream was closed.
          if (controller.signal.aborted || !message.event || !message.data) return
          let data: unknown
          try {
            data = JSON.parse(message.data)
          } catch {
            return
          }
          onEventRef.current({ event: message.event, data })
        },
        onclose: () => {
          throw new StreamDropped('The server ended the stream')
        },
        // Retries are ours (below), so that each one carries the current token.
        onerror: (error: unknown) => {
          throw error
        },
      })

    const refresh = async () => {
      try {
        return await dispatch(refreshSession())
      } catch {
        return 'unavailable' as const
      }
    }

    const run = async () => {
      let pause = FIRST_RETRY_MS
      let refreshed = false
      while (!controller.signal.aborted) {
        setStreamState({ state: 'connecting' })
        opened = false
        try {
          await connect()
          return // Resolves only once aborted.
        } catch (error) {
          if (controller.signal.aborted) return
          if (opened) {
            // It had worked: start the pauses over, and a later expired token may refresh again.
            pause = FIRST_RETRY_MS
            refreshed = false
          }
          if (error instanceof StreamRefused) {
            if (error.status !== 401 || refreshed) {
              setStreamState({ state: 'closed', status: error.status })
              return
            }
            // The token ran out: renew it once and connect again with the new one.
            refreshed = true
            const outcome = await refresh()
            if (controller.signal.aborted) return
            if (outcome === 'refreshed') continue
            if (outcome === 'ended') {
              setStreamState({ state: 'closed', status: 401 })
              return
            }
            refreshed = false
          }
        }
        await wait(pause, controller.signal)
        pause = Math.min(pause * 2, MAX_RETRY_MS)
      }
    }
    void run()
    return () => controller.abort()
  }, [path, signedIn, dispatch])

  return streamState
}
