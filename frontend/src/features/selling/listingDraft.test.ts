import { describe, expect, it } from 'vitest'

import { androidListingForm, myListings } from '../../test/fixtures'
import { checkDraft, draftOf, emptyDraft, fieldOrder, type ListingDraft } from './listingDraft'

function draft(overrides: Partial<ListingDraft> = {}): ListingDraft {
  return {
    ...emptyDraft(),
    category_id: 'c-android',
    title: 'Pixel 8',
    brand: 'Google',
    condition: 'good',
    price: '399',
    specs: { storage_gb: '128', carrier_lock: 'unlocked' },
    ...overrides,
  }
}

describe('checkDraft', () => {
  it('sends numbers as numbers, leaves out unanswered optional specs, and sends every checklist item', () => {
    const { body, errors } = checkDraft(draft({ specs: { storage_gb: '128', carrier_lock: 'unlocked', screen_size_in: '6,2' } }), androidListingForm)

    expect(errors).toEqual({})
    // 5G was not answered: left out rather than claimed "No".
    expect(body.specs).toEqual({ storage_gb: 128, carrier_lock: 'unlocked', screen_size_in: 6.2 })
    expect(body.checklist).toEqual({ screen_ok: false, battery_ok: false, cameras_ok: false })
    expect(body.shipping).toBeNull()
    expect(body.price).toBe(39900)
  })

  it('names the wrong fields by their wire path', () => {
    const { errors } = checkDraft(
      draft({
        specs: { storage_gb: '12.5', ram_gb: '99', carrier_lock: '' },
        options: [{ key: 'a', name: '', price: '10.999', quantity: '1' }],
        shipping: { weight_grams: '0', length_mm: '', width_mm: '10', height_mm: '10' },
      }),
      androidListingForm,
    )

    expect(Object.keys(errors).sort()).toEqual(
      [
        'specs.storage_gb',
        'specs.ram_gb',
        'specs.carrier_lock',
        'options.0.name',
        'options.0.price',
        'shipping.weight_grams',
        'shipping.length_mm',
      ].sort(),
    )
    expect(errors['specs.ram_gb']).toEqual(['Between 1 and 64 GB.'])
  })

  it('sends only the specs of the current category', () => {
    const { body } = checkDraft(draft({ specs: { storage_gb: '64', carrier_lock: 'locked', cpu: 'M2' } }), androidListingForm)

    expect(body.specs).not.toHaveProperty('cpu')
  })
})

describe('draftOf', () => {
  it('reads a saved listing back into the form, and round-trips it', () => {
    const listing = myListings[0]!
    const loaded = draftOf(listing)

    expect(loaded.price).toBe('549')
    expect(loaded.options[0]).toMatchObject({ name: 'With charger', price: '579', quantity: '1' })
    expect(loaded.checklist).toEqual({ screen_ok: true, battery_ok: false })
    expect(loaded.serial_number).toBe('')

    const { body, errors } = checkDraft(loaded, androidListingForm)
    expect(errors).toEqual({})
    expect(body).toMatchObject({ price: listing.price, specs: listing.specs, shipping: listing.shipping })
  })
})

describe('fieldOrder', () => {
  it('follows the screen: category, specs, …, options by row, shipping', () => {
    const order = fieldOrder(1, androidListingForm)

    expect(order.indexOf('specs.ram_gb')).toBeLessThan(order.indexOf('title'))
    expect(order.indexOf('checklist.screen_ok')).toBeLessThan(order.indexOf('serial_number'))
    expect(order.slice(order.indexOf('options.0.name'), order.indexOf('options.0.name') + 3)).toEqual([
      'options.0.name',
      'options.0.price',
      'options.0.quantity',
    ])
  })
})
