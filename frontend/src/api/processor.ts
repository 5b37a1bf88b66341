import type { ApiError } from './baseQuery'
import type { CardDetails, CardToken } from './types'

/**
 * The payment processor's card endpoint. The browser posts the card here directly, on the
 * same origin but outside `/api/v1`: the card number never reaches TechMarket's API, its logs
 * or the Redux store. TechMarket only ever sees the token.
 */
export const CARD_TOKENS_URL = '/sandbox/payments/tokens'

/**
 * Turns a card into a processor token. Rejects with the same shape as an RTK Query error
 * (`{status, data}`), so forms show a 422 problem's `errors` beside the card fields.
 */
export async function tokenizeCard(card: CardDetails, signal?: AbortSignal): Promise<CardToken> {
  let response: Response
  try {
    response = await fetch(CARD_TOKENS_URL, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(card),
      // No cookies or bearer token: the processor is not TechMarket.
      credentials: 'omit',
      signal,
    })
  } catch (caught) {
    const error: ApiError = { status: 'FETCH_ERROR', error: String(caught) }
    throw error
  }
  const data: unknown = await response.json().catch(() => undefined)
  if (!response.ok) {
    const error: ApiError = { status: response.status, data }
    throw error
  }
  return data as CardToken
}
