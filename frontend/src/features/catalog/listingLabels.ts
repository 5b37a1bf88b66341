import type { Condition, ProductStatus, ProductVisibility } from '../../api/types'

export const STATUS_LABELS: Record<ProductStatus, string> = {
  active: 'Active',
  reserved: 'Reserved',
  sold_out: 'Sold out',
  removed: 'Removed',
}

export const VISIBILITY_LABELS: Record<ProductVisibility, string> = {
  draft: 'Draft',
  public: 'Public',
  unlisted: 'Unlisted',
  private: 'Private',
}

/** What each visibility means for buyers, said where the seller chooses it. */
export const VISIBILITY_EXPLANATIONS: Record<ProductVisibility, string> = {
  draft: 'Still being written: only you can see it, and it is not for sale yet.',
  public: 'For sale: anyone can find it in search, categories and on your store page.',
  unlisted: 'For sale, but left out of search and categories: only people with the link can open it.',
  private: 'Hidden from everyone but you, for example while the item is away for repair.',
}

/** The condition grades, as a buyer should read them. */
export const CONDITION_EXPLANATIONS: Record<Condition, string> = {
  new: 'Unused, in its sealed or original packaging.',
  like_new: 'Used briefly; no visible marks, works perfectly.',
  good: 'Light signs of use such as small scratches; works perfectly.',
  fair: 'Clear signs of use such as dents or deep scratches; works as described.',
  for_parts: 'Does not work fully; sold for repair or parts.',
}

/** "unlocked" → "Unlocked", "wifi_only" → "Wifi only": how a spec's choice value is shown. */
export function choiceLabel(value: string): string {
  const text = value.replace(/[_-]+/g, ' ')
  return text.charAt(0).toUpperCase() + text.slice(1)
}
