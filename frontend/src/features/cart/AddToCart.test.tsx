import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'

import type { CartItemCreate, OfferCreate } from '../../api/types'
import { formatPrice } from '../../components/Price'
import { me, productDetail, signedInState, signedOutState } from '../../test/fixtures'
import { api, problem } from '../../test/handlers'
import { renderWithProviders } from '../../test/renderWithProviders'
import { server } from '../../test/server'
import { ProductPage } from '../catalog/ProductPage'
import { GUEST_CART_STORAGE_KEY } from './guestCartSlice'

function renderProduct(preloadedState = signedOutState()) {
  return renderWithProviders(<ProductPage />, {
    route: `/products/${productDetail.id}`,
    path: '/products/:id',
    preloadedState,
  })
}

describe('Add to cart on the product page', () => {
  it('lets a signed-out visitor choose an option and a quantity, kept in this browser', async () => {
    const user = userEvent.setup()
    const { store } = renderProduct()

    const options = await screen.findByRole('radiogroup', { name: 'Options' })
    // The first option in stock is chosen; the sold-out one can't be.
    expect(within(options).getByRole('radio', { name: /256 GB, Natural titanium/ })).toBeChecked()
    expect(within(options).getByRole('radio', { name: /512 GB, Black titanium/ })).toBeDisabled()
    // The first option has 2 in stock: the quantity goes no further.
    const quantity = screen.getByRole('combobox', { name: 'Quantity' })
    expect(within(quantity).getAllByRole('option').map((option) => option.textContent)).toEqual(['1', '2'])
    await user.selectOptions(quantity, '2')
    await user.click(screen.getByRole('button', { name: 'Add to cart' }))

    expect(await screen.findByText(`2 × “${productDetail.title}” (256 GB, Natural titanium) added to your cart.`)).toBeInTheDocument()
    const stored = JSON.parse(window.localStorage.getItem(GUEST_CART_STORAGE_KEY) ?? '[]') as CartItemCreate[]
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({ product_id: productDetail.id, option_id: 'o1', quantity: 2, unit_price: 129900, currency: 'EUR' })
    expect(store.getState().guestCart.lines[0]?.quantity).toBe(2)

    // Adding again never goes past the stock.
    await user.click(screen.getByRole('button', { name: 'Add to cart' }))
    await waitFor(() => expect(store.getState().guestCart.lines[0]?.quantity).toBe(2))
  })

  it('adds to the account cart when signed in, with the option', async () => {
    let sent: CartItemCreate | undefined
    server.use(
      http.post(api('/cart/items'), async ({ request }) => {
        sent = (await request.json()) as CartItemCreate
        return HttpResponse.json({}, { status: 201 })
      }),
    )
    const user = userEvent.setup()
    const { store } = renderProduct(signedInState())

    await user.click(await screen.findByRole('button', { name: 'Add to cart' }))

    expect(await screen.findByText(`1 × “${productDetail.title}” (256 GB, Natural titanium) added to your cart.`)).toBeInTheDocument()
    expect(sent).toEqual({ product_id: productDetail.id, option_id: 'o1', quantity: 1 })
    expect(store.getState().guestCart.lines).toEqual([])
    expect(window.localStorage.getItem(GUEST_CART_STORAGE_KEY)).toBeNull()
  })

  it('shows why the server refused the line', async () => {
    server.use(
      http.post(api('/cart/items'), () =>
        problem(422, 'Not enough stock', 'Only 2 left, and 2 are already in your cart.', { code: 'not-enough-stock' }),
      ),
    )
    const user = userEvent.setup()
    renderProduct(signedInState())

    await user.click(await screen.findByRole('button', { name: 'Add to cart' }))

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Not enough stock')
    expect(alert).toHaveTextContent('Only 2 left, and 2 are already in your cart.')
  })

  it('is hidden on the seller’s own listing', async () => {
    server.use(http.get(api('/users/me'), () => HttpResponse.json(me({ dealer_id: 's1', roles: ['buyer', 'seller'] }))))
    renderProduct(signedInState())

    expect(await screen.findByText(/This is your listing/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Add to cart' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Make an offer' })).not.toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Edit it' })).toHaveAttribute('href', `/selling/${productDetail.id}/edit`)
  })

  it('is disabled, saying why, when the listing is sold out', async () => {
    server.use(http.get(api('/products/:id'), () => HttpResponse.json({ ...productDetail, status: 'sold_out', quantity: 0 })))
    renderProduct()

    const button = await screen.findByRole('button', { name: 'Add to cart' })
    expect(button).toBeDisabled()
    expect(button).toHaveAccessibleDescription('Sold out.')
    expect(screen.queryByRole('button', { name: 'Make an offer' })).not.toBeInTheDocument()
  })
})

describe('Make an offer on the product page', () => {
  it('sends the amount typed in major units as minor units, showing the listed price', async () => {
    let sent: OfferCreate | undefined
    server.use(
      http.post(api('/products/:id/offers'), async ({ request }) => {
        sent = (await request.json()) as OfferCreate
        return HttpResponse.json({ id: 'off-new' }, { status: 201 })
      }),
    )
    const user = userEvent.setup()
    renderProduct(signedInState())

    await user.click(await screen.findByRole('button', { name: 'Make an offer' }))
    const dialog = await screen.findByRole('dialog', { name: 'Make an offer' })
    expect(dialog).toHaveTextContent(`Listed price: ${formatPrice(129900, 'EUR')}`)
    const amount = within(dialog).getByRole('textbox', { name: 'Your offer (EUR)' })

    // At or above the listed price is not an offer: nothing is sent.
    await user.type(amount, '1299')
    await user.click(within(dialog).getByRole('button', { name: 'Send offer' }))
    expect(await within(dialog).findByText(`An offer is below the listed price of ${formatPrice(129900, 'EUR')}.`)).toBeInTheDocument()
    expect(sent).toBeUndefined()

    await user.clear(amount)
    await user.type(amount, '1150.50')
    await user.click(within(dialog).getByRole('button', { name: 'Send offer' }))

    expect(await screen.findByText(`Your offer of ${formatPrice(115050, 'EUR')} is sent to Nordic Phones.`)).toBeInTheDocument()
    expect(sent).toEqual({ amount: 115050, option_id: 'o1' })
    expect(await screen.findByRole('link', { name: 'See your offers' })).toHaveAttribute('href', '/account/offers')
  })

  it('shows a conflict from the server in the dialog', async () => {
    server.use(
      http.post(api('/products/:id/offers'), () =>
        problem(409, 'You already have an open offer', 'Withdraw it or wait for the seller.', { code: 'offer-exists' }),
      ),
    )
    const user = userEvent.setup()
    renderProduct(signedInState())

    await user.click(await screen.findByRole('button', { name: 'Make an offer' }))
    const dialog = await screen.findByRole('dialog', { name: 'Make an offer' })
    await user.type(within(dialog).getByRole('textbox', { name: 'Your offer (EUR)' }), '1000')
    await user.click(within(dialog).getByRole('button', { name: 'Send offer' }))

    expect(await within(dialog).findByText('You already have an open offer')).toBeInTheDocument()
  })

  it('sends a signed-out visitor to sign in first', async () => {
    renderProduct()

    expect(await screen.findByRole('link', { name: 'Make an offer' })).toHaveAttribute(
      'href',
      `/sign-in?next=${encodeURIComponent(`/products/${productDetail.id}`)}`,
    )
  })
})
