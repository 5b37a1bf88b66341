import { vi } from 'vitest'

/** Whether a width-only media query such as `(max-width:599.95px)` holds at this width. */
function matchesWidth(query: string, width: number): boolean {
  const min = /min-width:\s*([\d.]+)px/.exec(query)
  const max = /max-width:\s*([\d.]+)px/.exec(query)
  return (!min || width >= Number(min[1])) && (!max || width <= Number(max[1]))
}

/**
 * Makes `matchMedia` (which jsdom lacks, so MUI's `useMediaQuery` is always false) answer as a
 * screen this wide would, e.g. 375 for a phone. Undone by `vi.unstubAllGlobals()`.
 */
export function setViewportWidth(width: number) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: matchesWidth(query, width),
    media: query,
    onchange: null,
    addEventListener: () => {},
    removeEventListener: () => {},
    addListener: () => {},
    removeListener: () => {},
    dispatchEvent: () => false,
  }))
}
