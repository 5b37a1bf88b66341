import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'

import type { CartItemCreate, CartLine, MergeNote } from '../../api/types'
import { formatPrice } from '../../components/Price'
import { cartLine, cartLines, cartOf, productDetail, signedInState, signedOutState } from '../../test/fixtures'
import { api } from '../../test/handlers'
import { renderWithProviders } from '../../test/renderWithProviders'
import { server } from '../../test/server'
import { SignInPage } from '../auth/SignInPage'
import { Layout } from '../layout/Layout'
import { CartPage } from './CartPage'
import { GUEST_CART_STORAGE_KEY } from './guestCartSlice'

function serveCart(lines: CartLine[]) {
  server.use(http.get(api('/cart'), () => HttpResponse.json(cartOf(lines))))
}

function renderCart(preloadedState = signedInState()) {
  return renderWithProviders(<CartPage />, { route: '/cart', path: '/cart', preloadedState })
}

describe('CartPage (signed in)', () => {
  it('groups the lines by seller, with the subtotal and a way to check out', async () => {
    renderCart()

    const nordic = await screen.findByRole('region', { name: 'Sold by Nordic Phones' })
    expect(within(nordic).getByRole('listitem', { name: productDetail.title })).toHaveTextContent('256 GB, Natural titanium')
    const laptops = screen.getByRole('region', { name: 'Sold by Laptop Corner' })
    expect(within(laptops).getByRole('listitem', { name: 'ThinkPad X1 Carbon Gen 11' })).toBeInTheDocument()

    const summary = screen.getByRole('region', { name: 'Summary' })
    expect(summary).toHaveTextContent(`Subtotal${formatPrice(218900, 'EUR')}`)
    expect(within(summary).getByRole('link', { name: 'Check out' })).toHaveAttribute('href', '/checkout')
  })

  it('changes the quantity with the stepper, up to what is in stock', async () => {
    const patched: { id: string; quantity: number }[] = []
    server.use(
      http.patch(api('/cart/items/:id'), async ({ params, request }) => {
        const { quantity } = (await request.json()) as { quantity: number }
        patched.push({ id: String(params.id), quantity })
        return HttpResponse.json(cartLine({ quantity }))
      }),
    )
    const user = userEvent.setup()
    renderCart()

    const stepper = await screen.findByRole('group', { name: `Quantity of ${productDetail.title}` })
    expect(within(stepper).getByRole('button', { name: `Decrease quantity of ${productDetail.title}` })).toBeDisabled()
    await user.click(within(stepper).getByRole('button', { name: `Increase quantity of ${productDetail.title}` }))
    await waitFor(() => expect(patched).toEqual([{ id: 'line-1', quantity: 2 }]))
    // The ThinkPad has 1 left: no more can be added.
    const laptop = screen.getByRole('group', { name: 'Quantity of ThinkPad X1 Carbon Gen 11' })
    expect(within(laptop).getByRole('button', { name: 'Increase quantity of ThinkPad X1 Carbon Gen 11' })).toBeDisabled()
  })

  it('explains each problem in words with its fix, and holds checkout until they are fixed', async () => {
    const calls: string[] = []
    server.use(
      http.post(api('/cart/items/:id/accept-price'), ({ params }) => {
        calls.push(`accept ${String(params.id)}`)
        return HttpResponse.json(cartLine())
      }),
      http.patch(api('/cart/items/:id'), async ({ params, request }) => {
        calls.push(`patch ${String(params.id)} ${((await request.json()) as { quantity: number }).quantity}`)
        return HttpResponse.json(cartLine())
      }),
      http.delete(api('/cart/items/:id'), ({ params }) => {
        calls.push(`delete ${String(params.id)}`)
        return new HttpResponse(null, { status: 204 })
      }),
    )
    serveCart([
      cartLine({ id: 'a', price_when_added: 119900, problems: ['price_changed'] }),
      cartLine({ id: 'b', title: 'Pixel 8', product_id: 'p8', option_id: null, quantity: 3, available: 1, problems: ['not_enough_stock'] }),
      cartLine({ id: 'c', title: 'Galaxy S22', product_id: 'g22', option_id: null, available: 0, problems: ['sold_out'] }),
      cartLine({ id: 'd', title: null, product_id: 'gone', seller: null, option_id: null, available: 0, problems: ['unavailable'] }),
    ])
    const user = userEvent.setup()
    renderCart()

    const changed = await screen.findByRole('listitem', { name: productDetail.title })
    expect(changed).toHaveTextContent(
      `The price went up from ${formatPrice(119900, 'EUR')} to ${formatPrice(129900, 'EUR')} since you added it. Accept the new price to check out, or remove the line.`,
    )
    await user.click(within(changed).getByRole('button', { name: 'Accept the new price' }))

    const short = screen.getByRole('listitem', { name: 'Pixel 8' })
    expect(short).toHaveTextContent('Only 1 left, and you have 3 in your cart.')
    await user.click(within(short).getByRole('button', { name: 'Lower to 1' }))

    const soldOut = screen.getByRole('listitem', { name: 'Galaxy S22' })
    expect(soldOut).toHaveTextContent('Sold out for now; it may come back.')
    await user.click(within(soldOut).getByRole('button', { name: 'Remove' }))

    const gone = screen.getByRole('listitem', { name: 'A listing that is no longer available' })
    expect(gone).toHaveTextContent('This listing is no longer for sale.')
    expect(screen.getByRole('region', { name: 'No longer available' })).toContainElement(gone)

    await waitFor(() => expect(calls).toEqual(['accept a', 'patch b 1', 'delete c']))
    const summary = screen.getByRole('region', { name: 'Summary' })
    const checkout = within(summary).getByRole('button', { name: 'Check out' })
    expect(checkout).toBeDisabled()
    expect(checkout).toHaveAccessibleDescription('4 lines changed since you added them. Fix them above to check out.')
    // Only the line that can be bought as it stands counts.
    expect(summary).toHaveTextContent(`Subtotal${formatPrice(129900, 'EUR')}`)
  })

  it('shows a subtotal per currency', async () => {
    serveCart([cartLines[0] as CartLine, cartLine({ id: 'gbp', title: 'Pixel 8', product_id: 'p8', currency: 'GBP', unit_price: 50000 })])
    renderCart()

    const summary = await screen.findByRole('region', { name: 'Summary' })
    expect(summary).toHaveTextContent(`Subtotal in EUR${formatPrice(129900, 'EUR')}`)
    expect(summary).toHaveTextContent(`Subtotal in GBP${formatPrice(50000, 'GBP')}`)
    expect(summary).toHaveTextContent('Your cart has prices in EUR and GBP')
  })

  it('says when the cart is empty', async () => {
    serveCart([])
    renderCart()

    expect(await screen.findByText('Your cart is empty.')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Continue shopping' })).toHaveAttribute('href', '/')
  })
})

describe('The signed-out cart', () => {
  const guestLines = [
    cartLine({ id: `guest:${productDetail.id}:o1`, quantity: 2 }),
    cartLine({ id: 'guest:p8:', product_id: 'p8', option_id: null, title: 'Pixel 8', seller: { id: 's3', store_name: 'Pixel Place' }, unit_price: 39900, available: 5 }),
  ]

  it('is kept in this browser: steppers and remove change it there', async () => {
    window.localStorage.setItem(GUEST_CART_STORAGE_KEY, JSON.stringify(guestLines))
    const user = userEvent.setup()
    renderCart(signedOutState())

    const pixel = await screen.findByRole('listitem', { name: 'Pixel 8' })
    await user.click(within(pixel).getByRole('button', { name: 'Increase quantity of Pixel 8' }))
    expect(within(pixel).getByRole('group', { name: 'Quantity of Pixel 8' })).toHaveTextContent('2')
    const stored = () => JSON.parse(window.localStorage.getItem(GUEST_CART_STORAGE_KEY) ?? '[]') as CartLine[]
    expect(stored().map((line) => [line.product_id, line.quantity])).toEqual([
      [productDetail.id, 2],
      ['p8', 2],
    ])
    const summary = screen.getByRole('region', { name: 'Summary' })
    expect(summary).toHaveTextContent(`Subtotal${formatPrice(2 * 129900 + 2 * 39900, 'EUR')}`)
    expect(within(summary).getByRole('link', { name: 'Sign in to check out' })).toHaveAttribute('href', '/sign-in?next=%2Fcheckout')

    await user.click(screen.getByRole('button', { name: `Remove ${productDetail.title}` }))
    expect(screen.queryByRole('listitem', { name: productDetail.title })).not.toBeInTheDocument()
    expect(stored().map((line) => line.product_id)).toEqual(['p8'])
  })

  it('is merged once into the account at sign-in, reporting what was skipped', async () => {
    window.localStorage.setItem(GUEST_CART_STORAGE_KEY, JSON.stringify(guestLines))
    const merges: { items: CartItemCreate[] }[] = []
    const skipped: MergeNote[] = [
      { product_id: productDetail.id, option_id: 'o1', reason: 'capped', kept: 1 },
      { product_id: 'p8', option_id: null, reason: 'sold_out', kept: 0 },
    ]
    server.use(
      http.post(api('/cart/merge'), async ({ request }) => {
        merges.push((await request.json()) as { items: CartItemCreate[] })
        return HttpResponse.json({ cart: cartOf([cartLine()]), skipped })
      }),
      http.get(api('/cart'), () => HttpResponse.json(cartOf([cartLine()]))),
    )
    const user = userEvent.setup({ delay: null })
    const { store, router } = renderWithProviders(<Layout />, {
      route: '/sign-in?next=/cart',
      preloadedState: signedOutState(),
      routes: [
        { path: 'sign-in', element: <SignInPage /> },
        { path: 'cart', element: <CartPage /> },
      ],
    })
    expect(await screen.findByRole('link', { name: 'Cart, 3 items' })).toBeInTheDocument()

    await user.type(await screen.findByLabelText(/Email/), 'ada@example.com')
    await user.type(screen.getByLabelText(/^Password/), 'correct horse battery')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))

    const notice = await screen.findByText('Your cart from before you signed in is in your account, with changes')
    const alert = notice.closest('[role="status"]') as HTMLElement
    expect(alert).toHaveTextContent(`“${productDetail.title}”: only 1 is in your cart now, as no more are in stock.`)
    expect(alert).toHaveTextContent('“Pixel 8” is sold out, so it was not added.')
    expect(merges).toEqual([
      {
        items: [
          { product_id: productDetail.id, option_id: 'o1', quantity: 2 },
          { product_id: 'p8', quantity: 1 },
        ],
      },
    ])
    await waitFor(() => expect(router.state.location.pathname).toBe('/cart'))
    expect(await screen.findByRole('link', { name: 'Cart, 1 item' })).toBeInTheDocument()
    expect(window.localStorage.getItem(GUEST_CART_STORAGE_KEY)).toBeNull()
    expect(store.getState().guestCart.lines).toEqual([])
    // Once only: later sign-ins (or token refreshes) find nothing to merge.
    expect(merges).toHaveLength(1)
  })
})
