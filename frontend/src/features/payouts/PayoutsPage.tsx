import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Button from '@mui/material/Button'
import Paper from '@mui/material/Paper'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { Fragment, useState, type FormEvent } from 'react'

import { useGetPayoutsQuery, useRequestPayoutMutation, useSetPayoutAccountMutation } from '../../api/payments'
import { errorMessageOf, type ErrorMessage } from '../../api/problem'
import type { PayoutAccount, PayoutBalance } from '../../api/types'
import { ErrorState } from '../../components/ErrorState'
import { LoadingState } from '../../components/LoadingState'
import { formatPrice } from '../../components/Price'
import { formatDate } from '../account/formatDate'
import { FormAlert } from '../auth/FormAlert'
import { useFormErrors } from '../auth/formErrors'
import { Panel } from '../orders/OrderParts'
import { RequireStore } from '../selling/RequireStore'
import { SellingNav } from '../selling/SellingNav'

/** What the processor calls an account: `acct_` and 4 to 60 letters or digits. */
export const PAYOUT_ACCOUNT = /^acct_[A-Za-z0-9]{4,60}$/

/** `/selling/payouts`: money per currency (available, pending, paid out), where it goes, and paying it out. */
export function PayoutsPage() {
  return (
    <RequireStore>
      <Payouts />
    </RequireStore>
  )
}

type Result = { severity: 'success'; text: string } | { severity: 'error'; message: ErrorMessage }

function Payouts() {
  const { data, isLoading, isError, error, refetch } = useGetPayoutsQuery()
  const [requestPayout, payoutState] = useRequestPayoutMutation()
  const [result, setResult] = useState<Result | null>(null)

  const payOut = async (balance: PayoutBalance, account: PayoutAccount | null) => {
    setResult(null)
    try {
      const payout = await requestPayout({ currency: balance.currency }).unwrap()
      setResult({
        severity: 'success',
        text: `${formatPrice(payout.amount, payout.currency)} is on its way${account ? ` to ${account.account_ref}` : ''}.`,
      })
    } catch (caught) {
      setResult({ severity: 'error', message: errorMessageOf(caught as Parameters<typeof errorMessageOf>[0]) })
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <title>Payouts · TechMarket</title>
      <SellingNav />
      <Typography variant="h1">Payouts</Typography>
      {isLoading ? (
        <LoadingState label="Loading your payouts" variant="list" count={3} />
      ) : isError || !data ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : (
        <>
          {result?.severity === 'success' && (
            <Alert severity="success" role="status" onClose={() => setResult(null)}>
              {result.text}
            </Alert>
          )}
          {result?.severity === 'error' && (
            <Alert severity="error" onClose={() => setResult(null)}>
              <AlertTitle>{result.message.title}</AlertTitle>
              {result.message.detail}
            </Alert>
          )}
          <Panel title="Balances">
            <Typography variant="body2" color="text.secondary">
              Money from an order becomes available once the buyer confirms the delivery (or the inspection time ends).
              TechMarket’s fee is already taken off.
            </Typography>
            {data.balances.length === 0 ? (
              <Typography>No sales have been paid yet.</Typography>
            ) : (
              <ul aria-label="Balances" className="m-0 grid list-none gap-3 p-0 sm:grid-cols-2">
                {data.balances.map((balance) => {
                  const busy = payoutState.isLoading && payoutState.originalArgs?.currency === balance.currency
                  return (
                    <Paper component="li" variant="outlined" key={balance.currency} aria-label={`Balance in ${balance.currency}`} className="flex flex-col gap-3 p-4">
                      <dl className="m-0 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
                        {(
                          [
                            ['Available', balance.available],
                            ['Pending', balance.pending],
                            ['Paid out', balance.paid_out],
                          ] as const
                        ).map(([label, amount]) => (
                          <Fragment key={label}>
                            <dt className={label === 'Available' ? 'font-semibold' : undefined}>{label}</dt>
                            <dd className={`m-0 text-right ${label === 'Available' ? 'font-semibold' : ''}`}>
                              {formatPrice(amount, balance.currency)}
                            </dd>
                          </Fragment>
                        ))}
                      </dl>
                      <Button
                        variant="contained"
                        disabled={balance.available <= 0 || data.account === null || busy}
                        onClick={() => void payOut(balance, data.account)}
                      >
                        {busy ? 'Paying out…' : `Pay out ${formatPrice(balance.available, balance.currency)}`}
                      </Button>
                    </Paper>
                  )
                })}
              </ul>
            )}
            {data.account === null && (
              <Alert severity="info" role="note">
                Add your payout account below to be paid.
              </Alert>
            )}
          </Panel>
          <Panel title="Payout account">
            <AccountForm account={data.account} />
          </Panel>
          <Panel title="History">
            {data.items.length === 0 ? (
              <Typography>No payouts yet.</Typography>
            ) : (
              <ul aria-label="Payouts" className="m-0 flex list-none flex-col gap-2 p-0">
                {data.items.map((payout) => (
                  <li key={payout.id} className="flex flex-wrap justify-between gap-2">
                    <span>{formatDate(payout.created_at)}</span>
                    <span className="font-semibold">{formatPrice(payout.amount, payout.currency)}</span>
                    <span className="text-slate-600">{payout.status.replace(/_/g, ' ')}</span>
                  </li>
                ))}
              </ul>
            )}
          </Panel>
        </>
      )}
    </div>
  )
}

const ACCOUNT_FIELDS = ['account_ref'] as const

function AccountForm({ account }: { account: PayoutAccount | null }) {
  const [setAccount, { isLoading }] = useSetPayoutAccountMutation()
  const [ref, setRef] = useState(account?.account_ref ?? '')
  const [saved, setSaved] = useState<string | null>(null)
  const form = useFormErrors(ACCOUNT_FIELDS)

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setSaved(null)
    const value = ref.trim()
    if (!PAYOUT_ACCOUNT.test(value)) {
      form.show({ account_ref: ['Enter the account id from the payment processor: acct_ and 4 to 60 letters or digits.'] }, null)
      return
    }
    form.clear()
    try {
      const answer = await setAccount({ account_ref: value }).unwrap()
      setSaved(`Payouts now go to ${answer.account_ref}.`)
    } catch (error) {
      form.showProblem(error)
    }
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="flex max-w-lg flex-col gap-3">
      <Typography variant="body2">
        {account ? `Payouts go to ${account.account_ref}.` : 'Where your money is sent: your account at the payment processor.'}
      </Typography>
      {saved && (
        <Alert severity="success" role="status" onClose={() => setSaved(null)}>
          {saved}
        </Alert>
      )}
      <FormAlert id={form.alertId} message={form.alert} />
      <TextField
        {...form.fieldProps('account_ref', 'Such as acct_1A2b3C4d.')}
        label="Payout account"
        required
        value={ref}
        onChange={(event) => setRef(event.target.value)}
        slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'none', autoComplete: 'off' } }}
      />
      <Button type="submit" variant="outlined" disabled={isLoading} className="self-start">
        {isLoading ? 'Saving…' : account ? 'Change account' : 'Save account'}
      </Button>
    </form>
  )
}
