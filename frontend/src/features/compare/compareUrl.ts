import { MAX_COMPARE } from './compareSlice'

/** `/compare?ids=a,b,c`: the ids in the order given, without repeats, at most `MAX_COMPARE`. */
export function compareIdsFromUrl(value: string | null): string[] {
  const ids = (value ?? '').split(',').map((id) => id.trim()).filter(Boolean)
  return [...new Set(ids)].slice(0, MAX_COMPARE)
}

export const comparePath = (ids: readonly string[]) => `/compare?${new URLSearchParams({ ids: ids.join(',') }).toString()}`
