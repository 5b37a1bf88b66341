import { createListenerMiddleware, createSlice, isAnyOf, type PayloadAction } from '@reduxjs/toolkit'

import { cartApi } from '../../api/cart'
import type { CartLine, MergeNote } from '../../api/types'
import { tokenReceived } from '../auth/authSlice'

/** Where a signed-out visitor's cart survives reloads: listings and quantities, nothing personal. */
export const GUEST_CART_STORAGE_KEY = 'techmarket.cart'

/** The most lines a cart holds (the server refuses a 51st). */
export const MAX_CART_LINES = 50

/** The most units of one line. */
export const MAX_LINE_QUANTITY = 999

/** A line that could not be merged as it was, named for the notice. */
export type MergeNoticeItem = MergeNote & { title: string }

export type GuestCartState = {
  /** The same shape as the server's lines, so the cart page shows both alike; no problems are known. */
  lines: CartLine[]
  /** What the merge at sign-in could not take, until dismissed. */
  mergeNotice: MergeNoticeItem[] | null
}

export const guestLineId = (productId: string, optionId: string | null) => `guest:${productId}:${optionId ?? ''}`

function isLine(value: unknown): value is CartLine {
  if (typeof value !== 'object' || value === null) return false
  const line = value as Partial<CartLine>
  return (
    typeof line.product_id === 'string' &&
    typeof line.quantity === 'number' &&
    Number.isInteger(line.quantity) &&
    line.quantity >= 1 &&
    typeof line.unit_price === 'number' &&
    typeof line.currency === 'string'
  )
}

function storedLines(): CartLine[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(GUEST_CART_STORAGE_KEY) ?? '[]')
    if (!Array.isArray(parsed)) return []
    return parsed
      .filter(isLine)
      .slice(0, MAX_CART_LINES)
      .map((line) => {
        const optionId = line.option_id ?? null
        const quantity = Math.min(line.quantity, MAX_LINE_QUANTITY)
        return { ...line, option_id: optionId, id: guestLineId(line.product_id, optionId), quantity, line_total: line.unit_price * quantity, problems: [] }
      })
  } catch {
    return []
  }
}

/** What the product page knows about the listing being added. */
export type GuestItem = Omit<CartLine, 'id' | 'line_total' | 'problems' | 'price_when_added' | 'offer_id'>

export const guestCartSlice = createSlice({
  name: 'guestCart',
  initialState: (): GuestCartState => ({ lines: storedLines(), mergeNotice: null }),
  reducers: {
    /** Adds units (to the line of the same listing and option), up to the stock. */
    guestItemAdded(state, action: PayloadAction<GuestItem>) {
      const item = action.payload
      const id = guestLineId(item.product_id, item.option_id)
      const cap = Math.max(1, Math.min(item.available, MAX_LINE_QUANTITY))
      const existing = state.lines.find((line) => line.id === id)
      if (existing) {
        Object.assign(existing, { ...item, id, price_when_added: item.unit_price })
        existing.quantity = Math.min(existing.quantity + item.quantity, cap)
        existing.line_total = existing.unit_price * existing.quantity
      } else if (state.lines.length < MAX_CART_LINES) {
        const quantity = Math.min(item.quantity, cap)
        state.lines.push({ ...item, id, quantity, price_when_added: item.unit_price, line_total: item.unit_price * quantity, problems: [] })
      }
    },
    guestQuantityChanged(state, action: PayloadAction<{ id: string; quantity: number }>) {
      const line = state.lines.find((entry) => entry.id === action.payload.id)
      if (!line) return
      line.quantity = Math.max(1, Math.min(action.payload.quantity, Math.max(1, line.available), MAX_LINE_QUANTITY))
      line.line_total = line.unit_price * line.quantity
    },
    guestLineRemoved(state, action: PayloadAction<string>) {
      state.lines = state.lines.filter((line) => line.id !== action.payload)
    },
    /** The lines went to the account's cart at sign-in; `skipped` is what it could not take as it was. */
    guestCartMerged(state, action: PayloadAction<MergeNote[]>) {
      const titleOf = (note: MergeNote) =>
        state.lines.find((line) => line.product_id === note.product_id && (line.option_id ?? null) === (note.option_id ?? null))
          ?.title ?? 'A listing'
      state.mergeNotice = action.payload.length > 0 ? action.payload.map((note) => ({ ...note, title: titleOf(note) })) : null
      state.lines = []
    },
    mergeNoticeDismissed(state) {
      state.mergeNotice = null
    },
  },
  selectors: {
    selectGuestLines: (state) => state.lines,
    selectGuestCount: (state) => state.lines.reduce((sum, line) => sum + line.quantity, 0),
    selectMergeNotice: (state) => state.mergeNotice,
  },
})

export const { guestItemAdded, guestQuantityChanged, guestLineRemoved, guestCartMerged, mergeNoticeDismissed } =
  guestCartSlice.actions
export const { selectGuestLines, selectGuestCount, selectMergeNotice } = guestCartSlice.selectors

/**
 * Keeps the guest cart in localStorage, and hands it to the account once a session starts
 * (sign-in, or a session restored at start-up): `POST /cart/merge`, then the browser's copy
 * goes. When the merge gets no answer the lines stay for the next sign-in. One per store.
 */
export function guestCartListener() {
  const listener = createListenerMiddleware()
  listener.startListening({
    matcher: isAnyOf(guestItemAdded, guestQuantityChanged, guestLineRemoved, guestCartMerged),
    effect: (_action, api) => {
      const { guestCart } = api.getState() as { guestCart: GuestCartState }
      try {
        if (guestCart.lines.length === 0) window.localStorage.removeItem(GUEST_CART_STORAGE_KEY)
        else window.localStorage.setItem(GUEST_CART_STORAGE_KEY, JSON.stringify(guestCart.lines))
      } catch {
        // Storage blocked: the cart lasts as long as the tab.
      }
    },
  })
  let merging = false
  listener.startListening({
    actionCreator: tokenReceived,
    effect: async (_action, api) => {
      const { guestCart } = api.getState() as { guestCart: GuestCartState }
      if (merging || guestCart.lines.length === 0) return
      merging = true
      try {
        const items = guestCart.lines.map((line) => ({
          product_id: line.product_id,
          ...(line.option_id ? { option_id: line.option_id } : {}),
          quantity: line.quantity,
        }))
        const result = await api.dispatch(cartApi.endpoints.mergeCart.initiate({ items }, { track: false })).unwrap()
        api.dispatch(guestCartMerged(result.skipped))
        // A page may have read the cart while the merge was on its way: read it again.
        api.dispatch(cartApi.util.invalidateTags(['Cart']))
      } catch {
        // Kept in the browser; the next session start tries again.
      } finally {
        merging = false
      }
    },
  })
  return listener
}
