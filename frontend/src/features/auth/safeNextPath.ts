/**
 * Where to go after signing in: the `next` parameter when it is a path on this site,
 * otherwise home. Anything that could leave the site (`//evil.example`, `https://…`,
 * `/\evil.example`) is refused, so the sign-in page can't be used as an open redirect.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/'
  if (/[\u0000-\u001f]/.test(next)) return '/'
  return next
}

/** `/sign-in?next=…` for coming back to `path` after signing in. */
export function signInPath(path: string): string {
  return path && path !== '/' ? `/sign-in?${new URLSearchParams({ next: path }).toString()}` : '/sign-in'
}
