import { HttpResponse } from 'msw'

export type ServerEvent = { event: string; data: unknown; id?: string }

const encoder = new TextEncoder()

function frame({ event, data, id }: ServerEvent): Uint8Array {
  return encoder.encode(`${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
}

/**
 * A fake server-sent event stream that a test can push to: `respond(request, first)` answers
 * a request with `text/event-stream`, sends `first`, and stays open; `send` then reaches every
 * open connection, as the server's live channel would. Each connection's bearer token is kept.
 */
export function eventStreamChannel() {
  const open = new Set<ReadableStreamDefaultController<Uint8Array>>()
  const tokens: (string | null)[] = []
  return {
    /** The `Authorization` header of each connection, in order. */
    tokens,
    get openCount() {
      return open.size
    },
    respond(request: Request, first: ServerEvent[] = []) {
      tokens.push(request.headers.get('Authorization'))
      let controller: ReadableStreamDefaultController<Uint8Array> | null = null
      const stream = new ReadableStream<Uint8Array>({
        start(streamController) {
          controller = streamController
          open.add(streamController)
          for (const event of first) streamController.enqueue(frame(event))
        },
        cancel() {
          if (controller) open.delete(controller)
        },
      })
      request.signal.addEventListener('abort', () => {
        if (!controller) return
        open.delete(controller)
        try {
          controller.close()
        } catch {
          // Already closed.
        }
      })
      return new HttpResponse(stream, { headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' } })
    },
    send(event: ServerEvent) {
      for (const controller of open) controller.enqueue(frame(event))
    },
    /** Ends every open connection, as a restarting server or a dropped network would. */
    closeAll() {
      for (const controller of open) controller.close()
      open.clear()
    },
  }
}
