import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'

import { formatPrice } from '../../components/Price'
import { me, payoutSummary, signedInState } from '../../test/fixtures'
import { api, problem } from '../../test/handlers'
import { renderWithProviders } from '../../test/renderWithProviders'
import { server } from '../../test/server'
import { PayoutsPage } from './PayoutsPage'

beforeEach(() => {
  server.use(http.get(api('/users/me'), () => HttpResponse.json(me({ dealer_id: 'd1', roles: ['buyer', 'seller'] }))))
})

function renderPayouts() {
  return renderWithProviders(<PayoutsPage />, { route: '/selling/payouts', preloadedState: signedInState() })
}

describe('PayoutsPage', () => {
  it('shows each currency’s balances and pays out the available money', async () => {
    const requested: { currency: string }[] = []
    let reads = 0
    server.use(
      http.get(api('/payouts'), () => {
        reads += 1
        return HttpResponse.json(
          reads === 1
            ? payoutSummary
            : {
                ...payoutSummary,
                balances: [{ currency: 'EUR', available: 0, pending: 80100, paid_out: 167400 }, payoutSummary.balances[1]],
                items: [{ id: 'po-new', amount: 117400, currency: 'EUR', status: 'paid', created_at: '2025-11-28T10:00:00Z' }, ...payoutSummary.items],
              },
        )
      }),
      http.post(api('/payouts'), async ({ request }) => {
        requested.push((await request.json()) as { currency: string })
        return HttpResponse.json({ id: 'po-new', amount: 117400, currency: 'EUR', status: 'paid', created_at: '2025-11-28T10:00:00Z' }, { status: 201 })
      }),
    )
    const user = userEvent.setup()
    renderPayouts()

    const eur = await screen.findByRole('listitem', { name: 'Balance in EUR' })
    expect(eur).toHaveTextContent(`Available${formatPrice(117400, 'EUR')}`)
    expect(eur).toHaveTextContent(`Pending${formatPrice(80100, 'EUR')}`)
    expect(eur).toHaveTextContent(`Paid out${formatPrice(50000, 'EUR')}`)
    const gbp = screen.getByRole('listitem', { name: 'Balance in GBP' })
    expect(within(gbp).getByRole('button', { name: `Pay out ${formatPrice(0, 'GBP')}` })).toBeDisabled()

    await user.click(within(eur).getByRole('button', { name: `Pay out ${formatPrice(117400, 'EUR')}` }))

    expect(await screen.findByText(`${formatPrice(117400, 'EUR')} is on its way to acct_1234abcd.`)).toBeInTheDocument()
    expect(requested).toEqual([{ currency: 'EUR' }])
    // The balances and history are read again.
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Payouts' })).getAllByRole('listitem')).toHaveLength(2))
    expect(within(screen.getByRole('listitem', { name: 'Balance in EUR' })).getByRole('button', { name: /^Pay out/ })).toBeDisabled()
  })

  it('shows why a payout was refused', async () => {
    server.use(
      http.post(api('/payouts'), () =>
        problem(409, 'Nothing to pay out', 'Your available balance in EUR is 0.', { code: 'nothing-to-pay-out' }),
      ),
    )
    const user = userEvent.setup()
    renderPayouts()

    const eur = await screen.findByRole('listitem', { name: 'Balance in EUR' })
    await user.click(within(eur).getByRole('button', { name: /^Pay out/ }))

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Nothing to pay out')
    expect(alert).toHaveTextContent('Your available balance in EUR is 0.')
  })

  it('asks for a payout account first, and checks its form before saving it', async () => {
    const saved: string[] = []
    server.use(
      http.get(api('/payouts'), () => HttpResponse.json({ ...payoutSummary, account: null })),
      http.put(api('/payouts/account'), async ({ request }) => {
        const { account_ref: ref } = (await request.json()) as { account_ref: string }
        saved.push(ref)
        return HttpResponse.json({ provider: 'sandbox', account_ref: ref })
      }),
    )
    const user = userEvent.setup({ delay: null })
    renderPayouts()

    const eur = await screen.findByRole('listitem', { name: 'Balance in EUR' })
    expect(within(eur).getByRole('button', { name: /^Pay out/ })).toBeDisabled()
    expect(screen.getByText('Add your payout account below to be paid.')).toBeInTheDocument()

    const field = screen.getByRole('textbox', { name: 'Payout account' })
    await user.type(field, 'acct_1')
    await user.click(screen.getByRole('button', { name: 'Save account' }))
    expect(field).toHaveAccessibleDescription('Enter the account id from the payment processor: acct_ and 4 to 60 letters or digits.')
    expect(saved).toEqual([])

    await user.clear(field)
    await user.type(field, 'acct_9Zx81Qp')
    await user.click(screen.getByRole('button', { name: 'Save account' }))

    expect(await screen.findByText('Payouts now go to acct_9Zx81Qp.')).toBeInTheDocument()
    expect(saved).toEqual(['acct_9Zx81Qp'])
  })
})
