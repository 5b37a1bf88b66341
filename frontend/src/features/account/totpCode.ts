/** Six digits from the authenticator app, spaces removed; `null` when it isn't that. */
export function totpCode(value: string): string | null {
  const digits = value.replace(/\s/g, '')
  return /^\d{6}$/.test(digits) ? digits : null
}
