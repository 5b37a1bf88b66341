import type { CartLine, Money } from '../../api/types'
import { formatPrice } from '../../components/Price'
import type { MergeNoticeItem } from './guestCartSlice'

/** A line's name: its title, or a placeholder when the listing is gone. */
export const lineTitle = (line: CartLine) => line.title ?? 'A listing that is no longer available'

/** Problems that keep a line out of the subtotals until fixed. */
export const BLOCKING_PROBLEMS = new Set(['not_enough_stock', 'sold_out', 'unavailable'])

/** What a merge note tells the person who just signed in. */
export function mergeNoteText(note: MergeNoticeItem): string {
  const title = `“${note.title}”`
  switch (note.reason) {
    case 'capped':
      return `${title}: only ${note.kept} ${note.kept === 1 ? 'is' : 'are'} in your cart now, as no more are in stock.`
    case 'sold_out':
      return `${title} is sold out, so it was not added.`
    case 'unavailable':
      return `${title} is no longer available, so it was not added.`
    case 'own_listing':
      return `${title} is your own listing, so it was not added.`
    case 'cart_full':
      return `${title} was not added: your cart is full (50 lines at most).`
  }
}

/** "EUR and GBP", "EUR, GBP and USD". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('')
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`
}

/** Subtotals of lines that have none of the blocking problems, per currency, sorted by code. */
export function subtotalsOf(lines: readonly CartLine[]): Money[] {
  const sums = new Map<string, number>()
  for (const line of lines) {
    if (line.problems.some((problem) => BLOCKING_PROBLEMS.has(problem))) continue
    sums.set(line.currency, (sums.get(line.currency) ?? 0) + line.line_total)
  }
  return [...sums.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => ({ currency, amount }))
}

export const formatMoney = (money: Money) => formatPrice(money.amount, money.currency)
