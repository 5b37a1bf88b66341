import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'

import type { ProductCreate, ProductUpdate } from '../../api/types'
import { me, myListings, signedInState } from '../../test/fixtures'
import { api, createdListing, problem } from '../../test/handlers'
import { renderWithProviders } from '../../test/renderWithProviders'
import { server } from '../../test/server'
import { EditListingPage, NewListingPage } from './ListingFormPage'

const seller = () => HttpResponse.json(me({ roles: ['buyer', 'seller'], dealer_id: 'd-1' }))

function renderNew() {
  server.use(http.get(api('/users/me'), seller))
  return renderWithProviders(<NewListingPage />, { route: '/selling/new', path: '/selling/new', preloadedState: signedInState() })
}

function renderEdit(id = 'mine-1') {
  server.use(http.get(api('/users/me'), seller))
  return renderWithProviders(<EditListingPage />, {
    route: `/selling/${id}/edit`,
    path: '/selling/:id/edit',
    preloadedState: signedInState(),
  })
}

/** Records the bodies of `POST /products`, answering like the server. */
function recordCreates() {
  const bodies: ProductCreate[] = []
  server.use(
    http.post(api('/products'), async ({ request }) => {
      const body = (await request.json()) as ProductCreate
      bodies.push(body)
      return HttpResponse.json(createdListing(body, 'created-1'), { status: 201 })
    }),
  )
  return bodies
}

type User = ReturnType<typeof userEvent.setup>

/** Types by pasting: the same events for the form, far fewer renders of this long form in jsdom. */
async function fill(user: User, field: HTMLElement, text: string) {
  await user.click(field)
  await user.paste(text)
}

/** The listing's price (option rows have price fields too). */
const priceField = () => within(screen.getByRole('region', { name: 'Price and stock' })).getByRole('textbox', { name: 'Price' })

/** Fills in everything an Android phone needs, the form's way. */
async function fillAndroidPhone(user: User) {
  await user.selectOptions(await screen.findByRole('combobox', { name: 'Category' }), 'Android phones')
  await fill(user, await screen.findByRole('spinbutton', { name: 'Storage' }), '256')
  await fill(user, screen.getByRole('spinbutton', { name: 'RAM' }), '16')
  await user.selectOptions(screen.getByRole('combobox', { name: 'Carrier lock' }), 'Unlocked')
  await user.click(screen.getByRole('switch', { name: '5G' }))
  await fill(user, screen.getByRole('textbox', { name: 'Title' }), 'Galaxy S23 256 GB, unlocked')
  await fill(user, screen.getByRole('textbox', { name: 'Brand' }), 'Samsung')
  await fill(user, screen.getByRole('textbox', { name: 'Model' }), 'Galaxy S23')
  await user.click(screen.getByRole('radio', { name: 'Good' }))
  await fill(user, priceField(), '499.99')
}

describe('New listing', () => {
  it('sends the specs of the chosen category, the checklist and prices in minor units, then opens the edit page', async () => {
    const bodies = recordCreates()
    const user = userEvent.setup()
    const { router } = renderNew()

    await fillAndroidPhone(user)
    await user.click(screen.getByRole('checkbox', { name: 'Screen works, no dead pixels' }))
    await user.clear(screen.getByRole('spinbutton', { name: 'Quantity' }))
    await user.type(screen.getByRole('spinbutton', { name: 'Quantity' }), '2')
    await user.click(screen.getByRole('button', { name: 'Add option' }))
    const option = screen.getByRole('group', { name: 'Option 1' })
    // Focus moves to the new row.
    await waitFor(() => expect(within(option).getByRole('textbox', { name: 'Name' })).toHaveFocus())
    await user.type(within(option).getByRole('textbox', { name: 'Name' }), 'With case')
    await user.clear(within(option).getByRole('textbox', { name: 'Price' }))
    await user.type(within(option).getByRole('textbox', { name: 'Price' }), '529')
    await user.click(screen.getByRole('radio', { name: 'Unlisted' }))
    await user.type(screen.getByRole('spinbutton', { name: 'Weight' }), '450')
    await user.type(screen.getByRole('spinbutton', { name: 'Length' }), '160')
    await user.type(screen.getByRole('spinbutton', { name: 'Width' }), '80')
    await user.type(screen.getByRole('spinbutton', { name: 'Height' }), '20')
    await user.click(screen.getByRole('button', { name: 'Create listing' }))

    await waitFor(() => expect(router.state.location.pathname).toBe('/selling/created-1/edit'))
    expect(bodies).toHaveLength(1)
    expect(bodies[0]).toMatchObject({
      category_id: 'c-android',
      title: 'Galaxy S23 256 GB, unlocked',
      brand: 'Samsung',
      model: 'Galaxy S23',
      condition: 'good',
      price: 49999,
      currency: 'EUR',
      quantity: 2,
      visibility: 'unlisted',
      specs: { storage_gb: 256, ram_gb: 16, carrier_lock: 'unlocked', '5g': true },
      checklist: { screen_ok: true, battery_ok: false, cameras_ok: false },
      options: [{ name: 'With case', price: 52900, quantity: 1 }],
      shipping: { weight_grams: 450, length_mm: 160, width_mm: 80, height_mm: 20 },
    })
    // Left empty: not sent, so nothing is stored.
    expect(bodies[0]).not.toHaveProperty('serial_number')
    expect(bodies[0]?.specs).not.toHaveProperty('colour')
  })

  it('puts a 422 on a spec onto that field and moves focus there', async () => {
    server.use(
      http.post(api('/products'), () =>
        problem(422, 'Your request has invalid fields', 'specs.ram_gb: must be at most 24 for this model', {
          errors: [
            { field: 'specs.ram_gb', in: 'body', message: 'must be at most 24 for this model', code: 'out_of_range' },
            { field: 'checklist.cameras_ok', in: 'body', message: 'unknown checklist item' },
          ],
        }),
      ),
    )
    const user = userEvent.setup()
    renderNew()

    await fillAndroidPhone(user)
    await user.click(screen.getByRole('button', { name: 'Create listing' }))

    const ram = screen.getByRole('spinbutton', { name: 'RAM' })
    await waitFor(() => expect(ram).toHaveFocus())
    expect(ram).toHaveAttribute('aria-invalid', 'true')
    expect(ram).toHaveAccessibleDescription('must be at most 24 for this model')
    // Only that field: the storage spec, whose last path part differs, stays valid.
    expect(screen.getByRole('spinbutton', { name: 'Storage' })).toHaveAttribute('aria-invalid', 'false')
    expect(screen.getByRole('checkbox', { name: 'Cameras work' })).toHaveAccessibleDescription('unknown checklist item')
    expect(screen.getByRole('alert')).toHaveTextContent('Your request has invalid fields')
  })

  it('shows a stolen device on the serial number field', async () => {
    server.use(
      http.post(api('/products'), () =>
        HttpResponse.json(
          {
            type: 'about:blank',
            title: 'Device reported stolen',
            status: 422,
            code: 'stolen-device',
            detail: 'This IMEI is in the stolen-device registry.',
          },
          { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    )
    const user = userEvent.setup()
    renderNew()

    await fillAndroidPhone(user)
    await user.type(screen.getByRole('textbox', { name: 'Serial number or IMEI' }), '490154203237518')
    await user.click(screen.getByRole('button', { name: 'Create listing' }))

    const serial = screen.getByRole('textbox', { name: 'Serial number or IMEI' })
    await waitFor(() => expect(serial).toHaveFocus())
    expect(serial).toHaveAccessibleDescription('This IMEI is in the stolen-device registry.')
  })

  it('checks required fields before sending anything', async () => {
    const bodies = recordCreates()
    const user = userEvent.setup()
    renderNew()

    await user.selectOptions(await screen.findByRole('combobox', { name: 'Category' }), 'Android phones')
    await screen.findByRole('spinbutton', { name: 'Storage' })
    await user.type(screen.getByRole('spinbutton', { name: 'RAM' }), '128')
    await user.type(screen.getByRole('spinbutton', { name: 'Weight' }), '450')
    await user.click(screen.getByRole('button', { name: 'Create listing' }))

    const storage = screen.getByRole('spinbutton', { name: 'Storage' })
    await waitFor(() => expect(storage).toHaveFocus())
    expect(storage).toHaveAccessibleDescription('Enter the storage.')
    expect(screen.getByRole('spinbutton', { name: 'RAM' })).toHaveAccessibleDescription('Between 1 and 64 GB.')
    expect(screen.getByRole('combobox', { name: 'Carrier lock' })).toHaveAccessibleDescription('Enter the carrier lock.')
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveAttribute('aria-invalid', 'true')
    expect(priceField()).toHaveAccessibleDescription('Enter a price such as 499 or 499.99.')
    expect(screen.getByRole('spinbutton', { name: 'Length' })).toHaveAccessibleDescription('Fill in all four, or leave them all empty.')
    expect(bodies).toEqual([])
  })

  it('shows recent prices for the brand, model and condition next to the price', async () => {
    const asked: URLSearchParams[] = []
    server.use(
      http.get(api('/products/price-guide'), ({ request }) => {
        const params = new URL(request.url).searchParams
        asked.push(params)
        return HttpResponse.json({
          brand: params.get('brand'),
          model: params.get('model'),
          condition: params.get('condition'),
          currency: params.get('currency'),
          basis: 'asking',
          sample_size: 6,
          median: 52000,
          low: 45000,
          high: 61000,
        })
      }),
    )
    const user = userEvent.setup()
    renderNew()

    const guide = await screen.findByRole('complementary', { name: 'Price guidance' })
    expect(guide).toHaveTextContent('Fill in the brand, model and condition')
    await user.type(screen.getByRole('textbox', { name: 'Brand' }), 'Samsung')
    await user.type(screen.getByRole('textbox', { name: 'Model' }), 'Galaxy S23')
    await user.click(screen.getByRole('radio', { name: 'Fair' }))

    await waitFor(() => expect(guide).toHaveTextContent(/Recent prices for Samsung Galaxy S23 in fair condition: median €520\.00, range €450\.00 – €610\.00, based on 6 asking prices/))
    expect(asked).toHaveLength(1)
    expect(Object.fromEntries(asked[0] ?? [])).toEqual({ brand: 'Samsung', model: 'Galaxy S23', condition: 'fair', currency: 'EUR' })
  })

  it('explains each condition grade and visibility', async () => {
    renderNew()

    expect(await screen.findByRole('radio', { name: 'Fair' })).toHaveAccessibleDescription(/Clear signs of use/)
    expect(screen.getByRole('radio', { name: 'Unlisted' })).toHaveAccessibleDescription(/only people with the link/)
    expect(screen.getByText(/You can add photos once the listing is created/)).toBeInTheDocument()
  })
})

describe('Edit listing', () => {
  it('starts from the saved listing and sends the changes', async () => {
    const bodies: ProductUpdate[] = []
    server.use(
      http.patch(api('/products/:id'), async ({ request }) => {
        const body = (await request.json()) as ProductUpdate
        bodies.push(body)
        return HttpResponse.json({ ...myListings[0], ...body })
      }),
    )
    const user = userEvent.setup()
    renderEdit()

    expect(await screen.findByRole('textbox', { name: 'Title' })).toHaveValue('Galaxy S23 128 GB')
    const price = priceField()
    expect(price).toHaveValue('549')
    expect(await screen.findByRole('spinbutton', { name: 'Storage' })).toHaveValue(128)
    expect(screen.getByRole('switch', { name: '5G' })).toBeChecked()
    expect(screen.getByRole('checkbox', { name: 'Battery holds a charge' })).not.toBeChecked()
    expect(screen.getByRole('checkbox', { name: 'Screen works, no dead pixels' })).toBeChecked()
    expect(within(screen.getByRole('group', { name: 'Option 1' })).getByRole('textbox', { name: 'Price' })).toHaveValue('579')
    expect(screen.getByRole('textbox', { name: 'Serial number or IMEI' })).toHaveAccessibleDescription(/On file: •••••••••••9876/)

    await user.clear(price)
    await user.type(price, '519')
    await user.click(screen.getByRole('button', { name: 'Save changes' }))

    expect(await screen.findByText('Your changes are saved.')).toBeInTheDocument()
    expect(bodies).toHaveLength(1)
    expect(bodies[0]).toMatchObject({ price: 51900, specs: { storage_gb: 128, ram_gb: 8, carrier_lock: 'unlocked', '5g': true } })
    expect(bodies[0]).not.toHaveProperty('serial_number')
  })
})

describe('Listing photos', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('moves a photo with the keyboard and sends the whole new order', async () => {
    const orders: string[][] = []
    server.use(
      http.put(api('/products/:id/images/order'), async ({ request }) => {
        const { image_ids: ids } = (await request.json()) as { image_ids: string[] }
        orders.push(ids)
        const listing = myListings[0]!
        return HttpResponse.json({ ...listing, images: ids.map((id) => listing.images.find((image) => image.id === id)) })
      }),
    )
    const user = userEvent.setup()
    renderEdit()

    const photos = await screen.findByRole('list', { name: 'Photos of this listing' })
    const down = within(photos).getByRole('button', { name: 'Move photo 1 down' })
    down.focus()
    await user.keyboard('{Enter}')

    await waitFor(() => expect(orders).toEqual([['img-2', 'img-1', 'img-3']]))
    await waitFor(() =>
      expect(within(photos).getAllByRole('img').map((image) => image.getAttribute('src'))).toEqual([
        '/media/products/x/img-2-thumb.webp',
        '/media/products/x/img-1-thumb.webp',
        '/media/products/x/img-3-thumb.webp',
      ]),
    )
    // The moved photo keeps the focus, now as photo 2.
    await waitFor(() => expect(within(photos).getByRole('button', { name: 'Move photo 2 down' })).toHaveFocus())
    expect(screen.getByText('Photo moved to position 2 of 3.')).toBeInTheDocument()
    expect(within(photos).getByRole('button', { name: 'Move photo 1 up' })).toBeDisabled()
  })

  it('puts the old order back when the server refuses the new one', async () => {
    server.use(http.put(api('/products/:id/images/order'), () => problem(409, 'Listing changed meanwhile')))
    const user = userEvent.setup()
    renderEdit()

    const photos = await screen.findByRole('list', { name: 'Photos of this listing' })
    await user.click(within(photos).getByRole('button', { name: 'Move photo 3 up' }))

    expect(await screen.findByText('The new order was not saved: Listing changed meanwhile')).toBeInTheDocument()
    expect(within(photos).getAllByRole('img').map((image) => image.getAttribute('src'))).toEqual([
      '/media/products/x/img-1-thumb.webp',
      '/media/products/x/img-2-thumb.webp',
      '/media/products/x/img-3-thumb.webp',
    ])
  })

  it('previews chosen photos, then uploads them as multipart "file"', async () => {
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:preview-1', revokeObjectURL: () => {} }))
    const uploads: string[] = []
    server.use(
      http.post(api('/products/:id/images'), async ({ params, request }) => {
        const file = (await request.formData()).get('file')
        uploads.push(`${String(params.id)}:${typeof file === 'string' || file === null ? 'missing' : file.type}`)
        const listing = myListings[0]!
        return HttpResponse.json(
          { ...listing, images: [...listing.images, { ...listing.images[0]!, id: 'img-new', thumbnail_url: '/new-thumb.webp' }] },
          { status: 201 },
        )
      }),
    )
    const user = userEvent.setup()
    renderEdit()

    await screen.findByRole('list', { name: 'Photos of this listing' })
    await user.upload(screen.getByLabelText('Choose photos'), new File(['png'], 'front.png', { type: 'image/png' }))

    const ready = screen.getByRole('list', { name: 'Photos to upload' })
    expect(within(ready).getByRole('img', { name: 'Preview of front.png' })).toHaveAttribute('src', 'blob:preview-1')
    expect(uploads).toEqual([])
    await user.click(screen.getByRole('button', { name: 'Upload 1 photo' }))

    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Photos of this listing' })).getAllByRole('listitem')).toHaveLength(4))
    expect(uploads).toEqual(['mine-1:image/png'])
    expect(screen.queryByRole('list', { name: 'Photos to upload' })).not.toBeInTheDocument()
    expect(screen.getByText('1 photo uploaded.')).toBeInTheDocument()
  })

  it('deletes a photo after confirming', async () => {
    const deleted: string[] = []
    server.use(
      http.delete(api('/products/:id/images/:imageId'), ({ params }) => {
        deleted.push(String(params.imageId))
        return new HttpResponse(null, { status: 204 })
      }),
    )
    const user = userEvent.setup()
    renderEdit()

    const photos = await screen.findByRole('list', { name: 'Photos of this listing' })
    await user.click(within(photos).getByRole('button', { name: 'Delete photo 2' }))
    await user.click(within(screen.getByRole('dialog', { name: 'Delete this photo?' })).getByRole('button', { name: 'Delete' }))

    await waitFor(() => expect(within(photos).getAllByRole('listitem')).toHaveLength(2))
    expect(deleted).toEqual(['img-2'])
    expect(within(photos).getAllByRole('img').map((image) => image.getAttribute('src'))).toEqual([
      '/media/products/x/img-1-thumb.webp',
      '/media/products/x/img-3-thumb.webp',
    ])
  })
})
