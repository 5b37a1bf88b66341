import type {
  Condition,
  ListingForm,
  ProductCreate,
  ProductDetail,
  ProductVisibility,
  Shipping,
  SpecField,
  SpecValue,
} from '../../api/types'
import { moneyInputText, parseMoney } from '../../components/Price'

/** One variant row as typed: the price in major units, like the listing's price. */
export type OptionDraft = { key: string; name: string; price: string; quantity: string }

export const SHIPPING_FIELDS = ['weight_grams', 'length_mm', 'width_mm', 'height_mm'] as const
export type ShippingField = (typeof SHIPPING_FIELDS)[number]

/**
 * The listing form as typed. Numbers stay text until sent, so a half-typed "12." is kept;
 * a boolean spec is `undefined` until the seller answers it.
 */
export type ListingDraft = {
  category_id: string
  specs: Record<string, string | boolean | undefined>
  title: string
  brand: string
  model: string
  description: string
  condition: Condition | ''
  cosmetic_notes: string
  checklist: Record<string, boolean>
  serial_number: string
  price: string
  currency: string
  quantity: string
  options: OptionDraft[]
  visibility: ProductVisibility
  shipping: Record<ShippingField, string>
  location: string
}

export const DEFAULT_CURRENCY = 'EUR'
export const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'JPY'] as const

let optionKeys = 0
export const newOptionKey = () => `option-${++optionKeys}`

export function emptyDraft(): ListingDraft {
  return {
    category_id: '',
    specs: {},
    title: '',
    brand: '',
    model: '',
    description: '',
    condition: '',
    cosmetic_notes: '',
    checklist: {},
    serial_number: '',
    price: '',
    currency: DEFAULT_CURRENCY,
    quantity: '1',
    options: [],
    visibility: 'public',
    shipping: { weight_grams: '', length_mm: '', width_mm: '', height_mm: '' },
    location: '',
  }
}

/** The form filled in from a saved listing (the serial number is write-only: it starts empty). */
export function draftOf(product: ProductDetail): ListingDraft {
  const specs: ListingDraft['specs'] = {}
  for (const [name, value] of Object.entries(product.specs)) {
    specs[name] = typeof value === 'boolean' ? value : String(value)
  }
  const shipping = product.shipping
  return {
    category_id: product.category.id,
    specs,
    title: product.title,
    brand: product.brand,
    model: product.model,
    description: product.description,
    condition: product.condition,
    cosmetic_notes: product.cosmetic_notes ?? '',
    checklist: Object.fromEntries((product.checklist ?? []).map((item) => [item.key, item.passed])),
    serial_number: '',
    price: moneyInputText(product.price, product.currency),
    currency: product.currency,
    quantity: String(product.quantity),
    options: product.options.map((option) => ({
      key: newOptionKey(),
      name: option.name,
      price: moneyInputText(option.price, product.currency),
      quantity: String(option.quantity),
    })),
    visibility: product.visibility,
    shipping: {
      weight_grams: shipping ? String(shipping.weight_grams) : '',
      length_mm: shipping ? String(shipping.length_mm) : '',
      width_mm: shipping ? String(shipping.width_mm) : '',
      height_mm: shipping ? String(shipping.height_mm) : '',
    },
    location: product.location ?? '',
  }
}

/** Wire field names in screen order, for moving focus to the first error. */
export function fieldOrder(optionCount: number, form: ListingForm | undefined): string[] {
  return [
    'category_id',
    ...(form?.fields ?? []).map((field) => `specs.${field.name}`),
    'title',
    'brand',
    'model',
    'description',
    'condition',
    'cosmetic_notes',
    ...(form?.checklist ?? []).map((item) => `checklist.${item.key}`),
    'serial_number',
    'price',
    'currency',
    'quantity',
    ...Array.from({ length: optionCount }, (_option, index) => [
      `options.${index}.name`,
      `options.${index}.price`,
      `options.${index}.quantity`,
    ]).flat(),
    'visibility',
    ...SHIPPING_FIELDS.map((field) => `shipping.${field}`),
    'location',
  ]
}

const INTEGER = /^\d+$/
const parseInteger = (text: string) => (INTEGER.test(text.trim()) ? Number(text.trim()) : undefined)
const parseDecimal = (text: string) => {
  const cleaned = text.trim().replace(',', '.')
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : undefined
}

function rangeMessage(field: SpecField): string | undefined {
  const unit = field.unit ? ` ${field.unit}` : ''
  if (field.minimum !== null && field.maximum !== null) return `Between ${field.minimum} and ${field.maximum}${unit}.`
  if (field.minimum !== null) return `At least ${field.minimum}${unit}.`
  if (field.maximum !== null) return `At most ${field.maximum}${unit}.`
  return undefined
}

/** A spec's value as the API wants it; `undefined` when it is left out; a string message when invalid. */
function specValue(field: SpecField, raw: string | boolean | undefined): { value?: SpecValue; error?: string } {
  if (field.type === 'boolean') {
    if (typeof raw === 'boolean') return { value: raw }
    return field.required ? { value: false } : {}
  }
  const text = typeof raw === 'string' ? raw.trim() : ''
  if (text === '') return field.required ? { error: `Enter the ${field.label.toLowerCase()}.` } : {}
  if (field.type === 'text') return { value: text }
  if (field.type === 'choice') {
    return field.choices === null || field.choices.includes(text) ? { value: text } : { error: 'Choose one of the values.' }
  }
  const number = field.type === 'integer' ? parseInteger(text) : parseDecimal(text)
  if (number === undefined) {
    return { error: field.type === 'integer' ? 'Enter a whole number.' : 'Enter a number such as 6.1.' }
  }
  if ((field.minimum !== null && number < field.minimum) || (field.maximum !== null && number > field.maximum)) {
    return { error: rangeMessage(field) ?? 'Out of range.' }
  }
  return { value: number }
}

export type DraftCheck = { body: ProductCreate; errors: Record<string, string[]> }

/**
 * Checks the draft the way the server will, and builds the request body: prices in minor
 * units, numbers as numbers, only the current category's specs and checklist. `errors` is
 * empty when the draft can be sent.
 */
export function checkDraft(draft: ListingDraft, form: ListingForm | undefined): DraftCheck {
  const errors: Record<string, string[]> = {}
  const fail = (field: string, message: string) => {
    ;(errors[field] ??= []).push(message)
  }

  if (!draft.category_id) fail('category_id', 'Choose the category the item belongs in.')

  const specs: Record<string, SpecValue> = {}
  for (const field of form?.fields ?? []) {
    const { value, error } = specValue(field, draft.specs[field.name])
    if (error) fail(`specs.${field.name}`, error)
    else if (value !== undefined) specs[field.name] = value
  }

  const title = draft.title.trim()
  if (title.length < 3) fail('title', 'Give the listing a title of at least 3 characters.')
  const brand = draft.brand.trim()
  if (!brand) fail('brand', 'Enter the brand, such as Apple or Lenovo.')
  if (!draft.condition) fail('condition', 'Choose the condition.')

  const price = parseMoney(draft.price, draft.currency)
  if (price === undefined) fail('price', 'Enter a price such as 499 or 499.99.')
  const quantity = parseInteger(draft.quantity)
  if (quantity === undefined || quantity > 100_000) fail('quantity', 'Enter how many you have, from 0 to 100000.')

  const options = draft.options.map((option, index) => {
    const name = option.name.trim()
    if (!name) fail(`options.${index}.name`, 'Name the option, such as “512 GB, black”.')
    const optionPrice = parseMoney(option.price, draft.currency)
    if (optionPrice === undefined) fail(`options.${index}.price`, 'Enter a price such as 499 or 499.99.')
    const optionQuantity = parseInteger(option.quantity)
    if (optionQuantity === undefined || optionQuantity > 100_000) fail(`options.${index}.quantity`, 'Enter the stock, from 0 to 100000.')
    return { name, price: optionPrice ?? 0, quantity: optionQuantity ?? 0 }
  })

  let shipping: Shipping | null = null
  const shippingText = SHIPPING_FIELDS.map((field) => draft.shipping[field].trim())
  if (shippingText.some((text) => text !== '')) {
    const values = SHIPPING_FIELDS.map((field) => {
      const value = parseInteger(draft.shipping[field])
      const max = field === 'weight_grams' ? 100_000 : 3000
      if (draft.shipping[field].trim() === '') fail(`shipping.${field}`, 'Fill in all four, or leave them all empty.')
      else if (value === undefined || value < 1 || value > max) fail(`shipping.${field}`, `Enter a whole number from 1 to ${max}.`)
      return value ?? 0
    })
    shipping = { weight_grams: values[0] ?? 0, length_mm: values[1] ?? 0, width_mm: values[2] ?? 0, height_mm: values[3] ?? 0 }
  }

  const checklist = form?.checklist.length
    ? Object.fromEntries(form.checklist.map((item) => [item.key, draft.checklist[item.key] ?? false]))
    : undefined
  const serial = draft.serial_number.trim()

  const body: ProductCreate = {
    title,
    description: draft.description.trim(),
    category_id: draft.category_id,
    brand,
    model: draft.model.trim(),
    condition: (draft.condition || 'good') as Condition,
    price: price ?? 0,
    currency: draft.currency,
    quantity: quantity ?? 0,
    visibility: draft.visibility,
    specs,
    options,
    location: draft.location.trim() || null,
    cosmetic_notes: draft.cosmetic_notes.trim(),
    ...(checklist ? { checklist } : {}),
    ...(serial ? { serial_number: serial } : {}),
    shipping,
  }
  return { body, errors }
}
