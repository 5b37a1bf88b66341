import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { OrderCreate, QuoteRequest } from '../../api/types'
import { formatPrice } from '../../components/Price'
import { cartLine, cartLines, cartOf, quote, quoteFor, signedInState } from '../../test/fixtures'
import { api, placeOrderHandler, problem, sandbox } from '../../test/handlers'
import { renderWithProviders } from '../../test/renderWithProviders'
import { server } from '../../test/server'
import { formatDay } from '../shipping/shippingLabels'
import { CheckoutPage } from './CheckoutPage'

type SeenRequest = { method: string; url: string; body: string; headers: Headers }

/** Every request the app sent, as msw saw it (with its body). */
function recordRequests() {
  const seen: Promise<SeenRequest>[] = []
  server.events.on('request:start', ({ request }) => {
    seen.push(
      request
        .clone()
        .text()
        .then((body) => ({ method: request.method, url: request.url, body, headers: request.headers })),
    )
  })
  return () => Promise.all(seen)
}

/** `POST /orders` calls, with their Idempotency-Key, answered by the healthy handler unless `answer` says otherwise. */
function recordOrders(answer?: (attempt: number) => Response | undefined) {
  const orders: { key: string | null; body: OrderCreate }[] = []
  server.use(
    http.post(api('/orders'), async (info) => {
      orders.push({ key: info.request.headers.get('Idempotency-Key'), body: (await info.request.clone().json()) as OrderCreate })
      return answer?.(orders.length) ?? placeOrderHandler(info)
    }),
  )
  return orders
}

function renderCheckout() {
  return renderWithProviders(<CheckoutPage />, { route: '/checkout', path: '/checkout', preloadedState: signedInState() })
}

/** Fills the new card form; typing itself is not under test here. */
function fillCard(number: string, month = '12', year = '2031', cvc = '123') {
  fireEvent.change(screen.getByLabelText(/^Card number/), { target: { value: number } })
  fireEvent.change(screen.getByLabelText(/^Expiry month/), { target: { value: month } })
  fireEvent.change(screen.getByLabelText(/^Expiry year/), { target: { value: year } })
  fireEvent.change(screen.getByLabelText(/^Security code/), { target: { value: cvc } })
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

afterEach(() => {
  server.events.removeAllListeners()
})

describe('CheckoutPage', () => {
  it('quotes the cart for the default address: per seller, with shipping and the total', async () => {
    const quoted: QuoteRequest[] = []
    server.use(
      http.post(api('/checkout/quote'), async ({ request }) => {
        quoted.push((await request.json()) as QuoteRequest)
        return HttpResponse.json(quote)
      }),
    )
    renderCheckout()

    const review = await screen.findByRole('region', { name: '2. Review your order' })
    const nordic = await within(review).findByRole('region', { name: 'Order from Nordic Phones' })
    expect(nordic).toHaveTextContent('1 × iPhone 15 Pro 256 GB (256 GB, Natural titanium)')
    expect(nordic).toHaveTextContent(`Shipping · Delivery in 1–3 days, within the country${formatPrice(490, 'EUR')}`)
    expect(nordic).toHaveTextContent(`Order total${formatPrice(130390, 'EUR')}`)
    expect(within(review).getByRole('region', { name: 'Order from Laptop Corner' })).toHaveTextContent('within the EEA')
    expect(review).toHaveTextContent(`Total${formatPrice(220380, 'EUR')}`)
    expect(quoted).toEqual([{ address_id: 'addr-home' }])
    expect(screen.getByRole('radio', { name: 'Ada Lovelace, 12 Analytical Street' })).toBeChecked()
    expect(screen.getByRole('button', { name: `Pay ${formatPrice(220380, 'EUR')}` })).toBeEnabled()
  })

  it('offers each seller’s service levels; choosing one re-quotes, updates the totals and is sent with the order', async () => {
    const quoted: QuoteRequest[] = []
    server.use(
      http.post(api('/checkout/quote'), async ({ request }) => {
        const body = (await request.json()) as QuoteRequest
        quoted.push(body)
        return HttpResponse.json(quoteFor(body.shipping_services))
      }),
    )
    const orders = recordOrders()
    const user = userEvent.setup()
    const { router } = renderCheckout()

    const review = await screen.findByRole('region', { name: '2. Review your order' })
    const nordic = await within(review).findByRole('region', { name: 'Order from Nordic Phones' })
    const choice = within(nordic).getByRole('radiogroup')
    expect(within(nordic).getByRole('group', { name: 'Shipping from Nordic Phones' })).toContainElement(choice)
    const standard = within(choice).getByRole('radio', { name: /^Standard, / })
    const express = within(choice).getByRole('radio', { name: /^Express, / })
    expect(standard).toBeChecked()
    expect(standard).toHaveAccessibleName(`Standard, ${formatPrice(490, 'EUR')}, 1–3 days, by ${formatDay('2025-11-28')}, insured`)
    expect(express).toHaveAccessibleName(`Express, ${formatPrice(1290, 'EUR')}, 1 day, by ${formatDay('2025-11-26')}, insured`)
    // Laptop Corner's parcel is below the insurance threshold.
    const laptops = within(review).getByRole('region', { name: 'Order from Laptop Corner' })
    expect(within(laptops).getByRole('radio', { name: /^Standard, / })).toHaveAccessibleName(
      `Standard, ${formatPrice(990, 'EUR')}, 2–5 days, by ${formatDay('2025-11-30')}`,
    )

    await user.click(express)

    expect(express).toBeChecked()
    await waitFor(() => expect(review).toHaveTextContent(`Total${formatPrice(221180, 'EUR')}`))
    expect(nordic).toHaveTextContent(`Order total${formatPrice(131190, 'EUR')}`)
    expect(review).toHaveTextContent(`Shipping${formatPrice(2280, 'EUR')}`)
    expect(quoted).toEqual([{ address_id: 'addr-home' }, { address_id: 'addr-home', shipping_services: { s1: 'express' } }])

    await user.click(await screen.findByRole('button', { name: `Pay ${formatPrice(221180, 'EUR')}` }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/checkout/complete'))
    expect(orders[0]?.body).toEqual({
      address_id: 'addr-home',
      payment_method_id: 'pm-visa',
      shipping_services: { s1: 'express' },
      return_url: '/checkout/complete',
    })
  })

  it('lets the service level be chosen with the keyboard', async () => {
    const user = userEvent.setup()
    renderCheckout()

    const nordic = await screen.findByRole('region', { name: 'Order from Nordic Phones' })
    const standard = within(nordic).getByRole('radio', { name: /^Standard, / })
    standard.focus()
    await user.keyboard('{ArrowDown}')

    expect(within(nordic).getByRole('radio', { name: /^Express, / })).toBeChecked()
    expect(await screen.findByRole('button', { name: `Pay ${formatPrice(221180, 'EUR')}` })).toBeEnabled()
  })

  it('pays with a saved card, with an Idempotency-Key, and shows the confirmation', async () => {
    const orders = recordOrders()
    const user = userEvent.setup()
    const { router } = renderCheckout()

    expect(await screen.findByRole('radio', { name: 'Visa •••• 4242, expires 12/2030' })).toBeChecked()
    await user.click(await screen.findByRole('button', { name: `Pay ${formatPrice(220380, 'EUR')}` }))

    await waitFor(() => expect(router.state.location.pathname).toBe('/checkout/complete'))
    expect(router.state.location.search).toBe('?checkout=chk-1')
    expect(orders).toHaveLength(1)
    expect(orders[0]?.key).toMatch(UUID)
    expect(orders[0]?.body).toEqual({ address_id: 'addr-home', payment_method_id: 'pm-visa', return_url: '/checkout/complete' })
  })

  it('sends a new card only to the processor, never to /api/v1, then pays with its token', async () => {
    const requests = recordRequests()
    const orders = recordOrders()
    const user = userEvent.setup()
    const { router } = renderCheckout()

    await user.click(await screen.findByRole('radio', { name: 'A new card' }))
    const number = screen.getByLabelText(/^Card number/)
    expect(number).toHaveAttribute('autocomplete', 'cc-number')
    expect(number).toHaveAttribute('inputmode', 'numeric')
    expect(screen.getByLabelText(/^Expiry month/)).toHaveAttribute('autocomplete', 'cc-exp-month')
    expect(screen.getByLabelText(/^Expiry year/)).toHaveAttribute('autocomplete', 'cc-exp-year')
    expect(screen.getByLabelText(/^Security code/)).toHaveAttribute('autocomplete', 'cc-csc')
    expect(screen.getByLabelText(/^Security code/)).toHaveAttribute('inputmode', 'numeric')
    fillCard('4242 4242 4242 4242', '12', '2031', '314')
    await user.click(screen.getByRole('button', { name: /^Pay / }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/checkout/complete'))

    const seen = await requests()
    const toProcessor = seen.filter((request) => request.url === sandbox('/tokens'))
    expect(toProcessor).toHaveLength(1)
    expect(JSON.parse(toProcessor[0]?.body ?? '{}')).toEqual({ number: '4242424242424242', exp_month: 12, exp_year: 2031, cvc: '314' })
    expect(toProcessor[0]?.headers.get('Authorization')).toBeNull()
    const toApi = seen.filter((request) => new URL(request.url).pathname.startsWith('/api/v1'))
    expect(toApi.length).toBeGreaterThan(3)
    for (const request of toApi) {
      expect(request.body.replace(/\D/g, '')).not.toContain('4242424242424242')
      expect(request.body).not.toContain('314')
    }
    const saved = toApi.find((request) => request.method === 'POST' && request.url === api('/payments/methods'))
    expect(JSON.parse(saved?.body ?? '{}')).toEqual({ provider: 'sandbox', token: 'tok_4242' })
    expect(orders[0]?.body.payment_method_id).toBe('pm-tok_4242')
  })

  it('checks the card in the browser first, and shows the processor’s refusal by the field', async () => {
    const requests = recordRequests()
    server.use(
      http.post(sandbox('/tokens'), () =>
        problem(422, 'The card was not accepted', undefined, {
          errors: [{ field: 'cvc', in: 'body', message: 'The security code does not match.' }],
        }),
      ),
    )
    const user = userEvent.setup()
    renderCheckout()

    await user.click(await screen.findByRole('radio', { name: 'A new card' }))
    fillCard('4242 4242 4242 4241', '13', '2031', '1')
    await user.click(screen.getByRole('button', { name: /^Pay / }))
    expect(screen.getByLabelText(/^Card number/)).toHaveAccessibleDescription('This card number is not valid. Check the digits.')
    expect(screen.getByLabelText(/^Expiry month/)).toHaveAccessibleDescription('Enter the month as 1 to 12.')
    expect(screen.getByLabelText(/^Security code/)).toHaveAccessibleDescription('Enter the 3 or 4 digits on the back of the card.')
    expect((await requests()).some((request) => request.url === sandbox('/tokens'))).toBe(false)

    fillCard('4242424242424242', '12', '2031', '999')
    await user.click(screen.getByRole('button', { name: /^Pay / }))
    await waitFor(() =>
      expect(screen.getByLabelText(/^Security code/)).toHaveAccessibleDescription('The security code does not match.'),
    )
    expect((await requests()).some((request) => request.url === api('/orders'))).toBe(false)
  })

  it('shows a decline on the payment step, keeps the cart, and uses a new key for the next attempt', async () => {
    const orders = recordOrders()
    let cartReads = 0
    server.use(
      http.get(api('/cart'), () => {
        cartReads += 1
        return HttpResponse.json(cartOf(cartLines))
      }),
    )
    const user = userEvent.setup()
    const { router } = renderCheckout()

    await user.click(await screen.findByRole('radio', { name: 'A new card' }))
    fillCard('4000 0000 0000 0002')
    await user.click(screen.getByRole('button', { name: /^Pay / }))

    const payment = screen.getByRole('region', { name: '3. Payment' })
    const alert = await within(payment).findByRole('alert')
    expect(alert).toHaveTextContent('Your payment was declined')
    expect(alert).toHaveTextContent('Your card was declined. Nothing was charged; try another card.')
    expect(router.state.location.pathname).toBe('/checkout')
    // The cart is still there, with every line.
    await waitFor(() => expect(cartReads).toBeGreaterThanOrEqual(2))
    expect(screen.getByRole('region', { name: 'Order from Nordic Phones' })).toBeInTheDocument()

    // The declined card is saved now and chosen; pick the other one and pay again.
    await user.click(screen.getByRole('radio', { name: 'Visa •••• 4242, expires 12/2030' }))
    await user.click(screen.getByRole('button', { name: /^Pay / }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/checkout/complete'))

    expect(orders.map((entry) => entry.body.payment_method_id)).toEqual(['pm-tok_0002', 'pm-visa'])
    expect(orders[0]?.key).toMatch(UUID)
    expect(orders[1]?.key).toMatch(UUID)
    expect(orders[1]?.key).not.toBe(orders[0]?.key)
  })

  it('pressing Pay again after a refusal also uses a new key', async () => {
    const orders = recordOrders((attempt) =>
      attempt === 1 ? problem(402, 'Your payment was declined', 'Insufficient funds.', { code: 'payment-declined' }) : undefined,
    )
    const user = userEvent.setup()
    const { router } = renderCheckout()

    await user.click(await screen.findByRole('button', { name: /^Pay / }))
    expect(await screen.findByText('Insufficient funds.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: /^Pay / }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/checkout/complete'))

    expect(orders).toHaveLength(2)
    expect(orders[0]?.body).toEqual(orders[1]?.body)
    expect(orders[1]?.key).not.toBe(orders[0]?.key)
  })

  it('reuses the key only to retry after a network error', async () => {
    const orders = recordOrders((attempt) => (attempt === 1 ? HttpResponse.error() : undefined))
    const user = userEvent.setup()
    const { router } = renderCheckout()

    await user.click(await screen.findByRole('button', { name: /^Pay / }))
    expect(await screen.findByText(/you will not be charged twice/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: /^Pay / }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/checkout/complete'))

    expect(orders).toHaveLength(2)
    expect(orders[0]?.key).toMatch(UUID)
    expect(orders[1]?.key).toBe(orders[0]?.key)
  })

  it('says when someone was faster, with a way back to the cart', async () => {
    recordOrders(() =>
      problem(409, 'Sold out a moment ago', 'Someone bought the last ThinkPad X1 Carbon Gen 11 first.', { code: 'out-of-stock' }),
    )
    const user = userEvent.setup()
    renderCheckout()

    await user.click(await screen.findByRole('button', { name: /^Pay / }))

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Sold out a moment ago')
    expect(alert).toHaveTextContent('Someone bought the last ThinkPad X1 Carbon Gen 11 first.')
    expect(within(alert).getByRole('link', { name: 'Back to your cart' })).toHaveAttribute('href', '/cart')
  })

  it('asks which currency to pay in when the cart mixes them', async () => {
    const quoted: QuoteRequest[] = []
    server.use(
      http.get(api('/cart'), () =>
        HttpResponse.json(cartOf([cartLine(), cartLine({ id: 'gbp', product_id: 'p-gbp', title: 'Pixel 8', currency: 'GBP' })])),
      ),
      http.post(api('/checkout/quote'), async ({ request }) => {
        const body = (await request.json()) as QuoteRequest
        quoted.push(body)
        return HttpResponse.json({ ...quote, currency: body.currency, other_currencies: body.currency === 'EUR' ? ['GBP'] : ['EUR'] })
      }),
    )
    const orders = recordOrders()
    const user = userEvent.setup()
    renderCheckout()

    const payIn = await screen.findByRole('radiogroup', { name: 'Pay in' })
    expect(within(payIn).getByRole('radio', { name: 'Items in EUR' })).toBeChecked()
    await user.click(within(payIn).getByRole('radio', { name: 'Items in GBP' }))
    const pay = await screen.findByRole('button', { name: `Pay ${formatPrice(220380, 'GBP')}` })
    await user.click(pay)

    await waitFor(() => expect(orders).toHaveLength(1))
    expect(quoted).toEqual([
      { address_id: 'addr-home', currency: 'EUR' },
      { address_id: 'addr-home', currency: 'GBP' },
    ])
    expect(orders[0]?.body.currency).toBe('GBP')
  })

  it('quotes for a new address typed at checkout', async () => {
    const quoted: QuoteRequest[] = []
    server.use(
      http.post(api('/checkout/quote'), async ({ request }) => {
        quoted.push((await request.json()) as QuoteRequest)
        return HttpResponse.json(quote)
      }),
    )
    const user = userEvent.setup({ delay: null })
    renderCheckout()

    await user.click(await screen.findByRole('radio', { name: 'A new address' }))
    expect(screen.getByRole('button', { name: 'Pay' })).toBeDisabled()
    await user.click(screen.getByRole('button', { name: 'Use this address' }))
    expect(screen.getByLabelText(/^Full name/)).toHaveAccessibleDescription('Enter the name of the person who receives the parcels.')

    fireEvent.change(screen.getByLabelText(/^Full name/), { target: { value: 'Charles Babbage' } })
    fireEvent.change(screen.getByLabelText(/^Address line 1/), { target: { value: '5 Difference Lane' } })
    fireEvent.change(screen.getByLabelText(/^Postal code/), { target: { value: '0150' } })
    fireEvent.change(screen.getByLabelText(/^City/), { target: { value: 'Oslo' } })
    await user.type(screen.getByLabelText(/^Country/, { selector: 'input' }), 'Norw')
    await user.click(await screen.findByRole('option', { name: 'Norway' }))
    await user.click(screen.getByRole('button', { name: 'Use this address' }))

    await screen.findByRole('button', { name: `Pay ${formatPrice(220380, 'EUR')}` })
    expect(quoted.at(-1)).toEqual({
      shipping_address: {
        name: 'Charles Babbage',
        line1: '5 Difference Lane',
        line2: null,
        postal_code: '0150',
        city: 'Oslo',
        region: null,
        country: 'NO',
        phone: null,
      },
    })
  })

  it('sends a cart that changed back to the cart', async () => {
    server.use(http.get(api('/cart'), () => HttpResponse.json(cartOf([cartLine({ problems: ['price_changed'], price_when_added: 1 })]))))
    renderCheckout()

    expect(await screen.findByText('Your cart changed since you added some items')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Review your cart' })).toHaveAttribute('href', '/cart')
    expect(screen.queryByRole('button', { name: /^Pay/ })).not.toBeInTheDocument()
  })
})

describe('CheckoutPage with 3-D Secure', () => {
  let assign: ReturnType<typeof vi.fn<(url: string | URL) => void>>
  beforeEach(() => {
    assign = vi.fn<(url: string | URL) => void>()
    vi.stubGlobal('location', {
      href: window.location.href,
      origin: window.location.origin,
      protocol: window.location.protocol,
      host: window.location.host,
      hostname: window.location.hostname,
      port: window.location.port,
      pathname: window.location.pathname,
      search: window.location.search,
      hash: window.location.hash,
      assign,
      replace: vi.fn(),
      reload: vi.fn(),
    })
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('sends the browser to the card issuer’s page, to come back to /checkout/complete', async () => {
    const orders = recordOrders()
    const user = userEvent.setup()
    const { router } = renderCheckout()

    await user.click(await screen.findByRole('radio', { name: 'A new card' }))
    fillCard('4000 0000 0000 3220')
    await user.click(screen.getByRole('button', { name: /^Pay / }))

    await waitFor(() => expect(assign).toHaveBeenCalledWith('http://localhost:8000/sandbox/payments/challenge/auth_3ds'))
    expect(orders[0]?.body.return_url).toBe('/checkout/complete')
    expect(router.state.location.pathname).toBe('/checkout')
  })
})
