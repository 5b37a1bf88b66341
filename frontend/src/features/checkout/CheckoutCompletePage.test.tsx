import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'

import { formatPrice } from '../../components/Price'
import { cartOf, checkoutOf, signedInState } from '../../test/fixtures'
import { api } from '../../test/handlers'
import { renderWithProviders } from '../../test/renderWithProviders'
import { server } from '../../test/server'
import { CheckoutCompletePage } from './CheckoutCompletePage'

function renderComplete(search = '?checkout=chk-1') {
  return renderWithProviders(<CheckoutCompletePage pollIntervalMs={40} />, {
    route: `/checkout/complete${search}`,
    path: '/checkout/complete',
    preloadedState: signedInState(),
  })
}

describe('CheckoutCompletePage', () => {
  it('polls a 3-D Secure checkout until it is paid, then lists the orders and stops asking', async () => {
    let reads = 0
    server.use(
      http.get(api('/checkouts/:id'), ({ params }) => {
        reads += 1
        expect(params.id).toBe('chk-1')
        return HttpResponse.json(reads < 3 ? checkoutOf('pending_payment') : checkoutOf('paid'))
      }),
      http.get(api('/cart'), () => HttpResponse.json(cartOf([]))),
    )
    renderComplete()

    expect(await screen.findByRole('heading', { level: 1, name: 'Confirming your payment' })).toBeInTheDocument()
    expect(await screen.findByRole('heading', { level: 1, name: 'Thank you: your order is placed' })).toBeInTheDocument()
    expect(reads).toBe(3)
    const list = screen.getByRole('list', { name: 'Your new orders' })
    const nordic = within(list).getByRole('listitem', { name: 'Order from Nordic Phones' })
    expect(nordic).toHaveTextContent(`Total ${formatPrice(130390, 'EUR')}`)
    expect(within(nordic).getByRole('link', { name: 'View order' })).toHaveAttribute('href', '/account/orders/ord-1')
    expect(within(list).getByRole('listitem', { name: 'Order from Laptop Corner' })).toBeInTheDocument()

    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(reads).toBe(3)
  })

  it('says a failed payment charged nothing and the cart is kept', async () => {
    server.use(http.get(api('/checkouts/:id'), () => HttpResponse.json(checkoutOf('failed'))))
    renderComplete()

    expect(await screen.findByRole('heading', { level: 1, name: 'Your payment did not go through' })).toBeInTheDocument()
    expect(screen.getByText('Nothing was charged, and the items are still in your cart.')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Back to your cart' })).toHaveAttribute('href', '/cart')
  })

  it('points to what is left in the cart after paying one currency', async () => {
    renderComplete()

    expect(await screen.findByRole('heading', { level: 1, name: 'Thank you: your order is placed' })).toBeInTheDocument()
    expect(await screen.findByRole('link', { name: 'Check them out next' })).toHaveAttribute('href', '/cart')
  })
})
