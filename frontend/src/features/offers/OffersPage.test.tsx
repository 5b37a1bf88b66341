import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'

import { formatPrice } from '../../components/Price'
import { offersMade, offersReceived, signedInState } from '../../test/fixtures'
import { api } from '../../test/handlers'
import { renderWithProviders } from '../../test/renderWithProviders'
import { server } from '../../test/server'
import { OffersPage } from './OffersPage'

/** Records `POST /offers/{id}/{move}` (and the counter's body), answering as the contract says. */
function recordMoves() {
  const moves: string[] = []
  server.use(
    http.post(api('/offers/:id/:move'), async ({ params, request }) => {
      const offer = [...offersMade, ...offersReceived].find((entry) => entry.id === params.id)
      const move = String(params.move)
      const body = move === 'counter' ? ((await request.json()) as { amount: number }) : undefined
      moves.push(`${String(params.id)} ${move}${body ? ` ${body.amount}` : ''}`)
      const status = { accept: 'accepted', decline: 'declined', withdraw: 'withdrawn', counter: 'countered' }[move]
      return HttpResponse.json({ ...offer, status, counter_amount: body?.amount ?? offer?.counter_amount ?? null })
    }),
  )
  return moves
}

function renderOffers(route = '/account/offers') {
  return renderWithProviders(<OffersPage />, { route, preloadedState: signedInState() })
}

describe('OffersPage, offers made', () => {
  it('lists the buyer’s offers: withdraw a pending one, accept a counter, and find an accepted one in the cart', async () => {
    const asked: (string | null)[] = []
    server.use(
      http.get(api('/offers'), ({ request }) => {
        asked.push(new URL(request.url).searchParams.get('role'))
        return HttpResponse.json({ items: offersMade, next_cursor: null })
      }),
    )
    const moves = recordMoves()
    const user = userEvent.setup()
    renderOffers()

    const list = await screen.findByRole('list', { name: 'Offers you made' })
    expect(screen.getByRole('tab', { name: 'Made' })).toHaveAttribute('aria-selected', 'true')
    expect(asked).toEqual(['buyer'])

    const pending = within(list).getByRole('listitem', { name: 'iPhone 15 Pro 256 GB' })
    expect(pending).toHaveTextContent(`Listed at ${formatPrice(129900, 'EUR')} · your offer ${formatPrice(115000, 'EUR')}`)
    expect(within(pending).getAllByRole('button').map((button) => button.textContent)).toEqual(['Withdraw'])

    const countered = within(list).getByRole('listitem', { name: 'ThinkPad X1 Carbon Gen 11' })
    expect(countered).toHaveTextContent(`seller’s counter ${formatPrice(82000, 'EUR')}`)
    expect(within(countered).getAllByRole('button').map((button) => button.textContent)).toEqual([
      `Accept ${formatPrice(82000, 'EUR')}`,
      'Decline',
    ])

    const accepted = within(list).getByRole('listitem', { name: 'Pixel 8 128 GB' })
    expect(accepted).toHaveTextContent(`Agreed at ${formatPrice(35000, 'EUR')}: it is in your cart.`)
    expect(within(accepted).getByRole('link', { name: 'Go to your cart' })).toHaveAttribute('href', '/cart')
    expect(within(accepted).queryByRole('button')).not.toBeInTheDocument()

    await user.click(within(countered).getByRole('button', { name: `Accept ${formatPrice(82000, 'EUR')}` }))
    const notice = await screen.findByRole('status')
    expect(notice).toHaveTextContent(`“ThinkPad X1 Carbon Gen 11” is in your cart at ${formatPrice(82000, 'EUR')}.`)
    expect(within(notice).getByRole('link', { name: 'Go to your cart' })).toHaveAttribute('href', '/cart')

    await user.click(within(pending).getByRole('button', { name: 'Withdraw' }))
    expect(await screen.findByText('You withdrew your offer on “iPhone 15 Pro 256 GB”.')).toBeInTheDocument()
    expect(moves).toEqual(['off-2 accept', 'off-1 withdraw'])
  })

  it('shows a refused move (someone moved first)', async () => {
    server.use(
      http.post(api('/offers/:id/:move'), () =>
        HttpResponse.json(
          { type: 'about:blank', title: 'The offer is closed', status: 409, detail: 'It expired an hour ago.' },
          { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    )
    const user = userEvent.setup()
    renderOffers()

    const pending = await screen.findByRole('listitem', { name: 'iPhone 15 Pro 256 GB' })
    await user.click(within(pending).getByRole('button', { name: 'Withdraw' }))

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The offer is closed')
    expect(alert).toHaveTextContent('It expired an hour ago.')
  })
})

describe('OffersPage, offers received', () => {
  it('lets the seller accept or decline', async () => {
    const moves = recordMoves()
    const user = userEvent.setup()
    renderOffers('/account/offers?tab=received')

    const offer = await screen.findByRole('listitem', { name: 'Galaxy S23 128 GB' })
    expect(screen.getByRole('tab', { name: 'Received' })).toHaveAttribute('aria-selected', 'true')
    expect(within(offer).getAllByRole('button').map((button) => button.textContent)).toEqual([
      `Accept ${formatPrice(48000, 'EUR')}`,
      'Counter',
      'Decline',
    ])
    await user.click(within(offer).getByRole('button', { name: `Accept ${formatPrice(48000, 'EUR')}` }))
    expect(await screen.findByText(`You accepted ${formatPrice(48000, 'EUR')} for “Galaxy S23 128 GB”. It is in the buyer’s cart at that price.`)).toBeInTheDocument()
    await user.click(within(offer).getByRole('button', { name: 'Decline' }))
    await waitFor(() => expect(moves).toEqual(['off-r1 accept', 'off-r1 decline']))
  })

  it('counters with an amount between the offer and the listed price', async () => {
    const moves = recordMoves()
    const user = userEvent.setup({ delay: null })
    renderOffers('/account/offers?tab=received')

    await user.click(within(await screen.findByRole('listitem', { name: 'Galaxy S23 128 GB' })).getByRole('button', { name: 'Counter' }))
    const dialog = await screen.findByRole('dialog', { name: 'Counter the offer' })
    expect(dialog).toHaveTextContent(`Listed at ${formatPrice(54900, 'EUR')}; the buyer offers ${formatPrice(48000, 'EUR')}.`)
    const amount = within(dialog).getByRole('textbox', { name: 'Your price (EUR)' })
    await user.type(amount, '600')
    await user.click(within(dialog).getByRole('button', { name: 'Send counter-offer' }))
    expect(amount).toHaveAccessibleDescription(
      `A counter-offer is between the offer (${formatPrice(48000, 'EUR')}) and the listed price (${formatPrice(54900, 'EUR')}).`,
    )
    expect(moves).toEqual([])

    await user.clear(amount)
    await user.type(amount, '520.50')
    await user.click(within(dialog).getByRole('button', { name: 'Send counter-offer' }))

    expect(await screen.findByText(`You answered ${formatPrice(52050, 'EUR')} for “Galaxy S23 128 GB”. The buyer has 48 hours to accept it.`)).toBeInTheDocument()
    expect(moves).toEqual(['off-r1 counter 52050'])
  })
})
