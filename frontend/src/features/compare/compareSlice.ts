import { createListenerMiddleware, createSlice, isAnyOf, type PayloadAction } from '@reduxjs/toolkit'

/** The most listings the compare page shows side by side (the API takes 2 to 4). */
export const MAX_COMPARE = 4

/** Where the compare list survives reloads; it holds listing ids only, nothing personal. */
export const COMPARE_STORAGE_KEY = 'techmarket.compare'

export type CompareState = { ids: string[] }

function storedIds(): string[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(COMPARE_STORAGE_KEY) ?? '[]')
    return Array.isArray(parsed)
      ? parsed.filter((id): id is string => typeof id === 'string' && id !== '').slice(0, MAX_COMPARE)
      : []
  } catch {
    return []
  }
}

/** The listings chosen for comparison, client-only, kept in localStorage. */
export const compareSlice = createSlice({
  name: 'compare',
  initialState: (): CompareState => ({ ids: storedIds() }),
  reducers: {
    /** Adds the listing, or takes it out when it is already chosen. Beyond `MAX_COMPARE` nothing is added. */
    compareToggled(state, action: PayloadAction<string>) {
      const id = action.payload
      if (state.ids.includes(id)) state.ids = state.ids.filter((existing) => existing !== id)
      else if (state.ids.length < MAX_COMPARE) state.ids.push(id)
    },
    compareRemoved(state, action: PayloadAction<string>) {
      state.ids = state.ids.filter((existing) => existing !== action.payload)
    },
    compareCleared(state) {
      state.ids = []
    },
  },
  selectors: {
    selectCompareIds: (state) => state.ids,
  },
})

export const { compareToggled, compareRemoved, compareCleared } = compareSlice.actions
export const { selectCompareIds } = compareSlice.selectors

/** Writes the compare list to localStorage whenever it changes. One per store. */
export function compareListener() {
  const listener = createListenerMiddleware()
  listener.startListening({
    matcher: isAnyOf(compareToggled, compareRemoved, compareCleared),
    effect: (_action, api) => {
      const { compare } = api.getState() as { compare: CompareState }
      try {
        window.localStorage.setItem(COMPARE_STORAGE_KEY, JSON.stringify(compare.ids))
      } catch {
        // Storage blocked: the list lasts as long as the tab.
      }
    },
  })
  return listener
}
