import LocalShippingIcon from '@mui/icons-material/LocalShipping'
import { skipToken } from '@reduxjs/toolkit/query'
import Alert from '@mui/material/Alert'
import Breadcrumbs from '@mui/material/Breadcrumbs'
import Button from '@mui/material/Button'
import Link from '@mui/material/Link'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { useState, type FormEvent } from 'react'
import { Link as RouterLink, useParams } from 'react-router'

import { useAnswerDisputeMutation, useGetOrderDisputeQuery, useGetSaleQuery } from '../../api/orders'
import type { Dispute } from '../../api/types'
import { ErrorState } from '../../components/ErrorState'
import { LoadingState } from '../../components/LoadingState'
import { formatDateTime } from '../account/formatDate'
import { FormAlert } from '../auth/FormAlert'
import { useFormErrors } from '../auth/formErrors'
import {
  AddressBlock,
  DisputeDetails,
  OrderItems,
  OrderStatusChip,
  OrderTimeline,
  OrderTotals,
  Panel,
} from '../orders/OrderParts'
import { mayHaveDispute } from '../orders/orderLabels'
import { RequireStore } from '../selling/RequireStore'
import { SellingNav } from '../selling/SellingNav'
import { SaleShipment } from '../shipping/SaleShipment'
import { ShipDialog } from '../shipping/ShipDialog'

/** `/selling/sales/:id`: one sale, what the seller receives, shipping it and answering a dispute. */
export function SalePage() {
  return (
    <RequireStore>
      <SaleDetails />
    </RequireStore>
  )
}

function SaleDetails() {
  const { id = '' } = useParams()
  const { data: sale, isLoading, isError, error, refetch } = useGetSaleQuery(id)
  const disputeQuery = useGetOrderDisputeQuery(sale && mayHaveDispute(sale.status) ? sale.id : skipToken)
  const [shipping, setShipping] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)

  if (isLoading) return <LoadingState label="Loading the sale" variant="page" />
  if (isError || !sale) {
    return (
      <div className="flex flex-col gap-4">
        <ErrorState error={error} onRetry={() => void refetch()} />
        <Link component={RouterLink} to="/selling/sales">
          Back to your sales
        </Link>
      </div>
    )
  }
  const dispute = disputeQuery.data ?? null
  return (
    <div className="flex flex-col gap-4">
      <title>{`Sale to ${sale.shipping_address.name} · TechMarket`}</title>
      <SellingNav />
      <Breadcrumbs aria-label="Breadcrumb">
        <Link component={RouterLink} to="/selling/sales" color="inherit">
          Sales
        </Link>
        <Typography color="text.primary">{sale.shipping_address.name}</Typography>
      </Breadcrumbs>
      <div className="flex flex-wrap items-center gap-3">
        <Typography variant="h1">Sale to {sale.shipping_address.name}</Typography>
        <OrderStatusChip status={sale.status} size="medium" />
      </div>
      <Typography color="text.secondary">Sold {formatDateTime(sale.created_at)}</Typography>
      {notice && (
        <Alert severity="success" role="status" onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {sale.status === 'paid' && (
        <div className="flex flex-col items-start gap-2">
          <Typography>
            Paid: pack it, then buy a label or give the tracking number of the carrier you sent it with.
          </Typography>
          <Button variant="contained" startIcon={<LocalShippingIcon />} onClick={() => setShipping(true)}>
            Ship
          </Button>
        </div>
      )}
      <div className="grid gap-4 md:grid-cols-[1fr_18rem] md:items-start">
        <div className="flex min-w-0 flex-col gap-4">
          <Panel title="Items">
            <OrderItems order={sale} />
            <OrderTotals order={sale} />
            <Typography variant="body2" color="text.secondary">
              You are paid once the buyer confirms the delivery, or when the inspection time after delivery ends.
            </Typography>
          </Panel>
          {dispute && (
            <Panel title="Dispute">
              <DisputeDetails dispute={dispute} currency={sale.currency} />
              {dispute.status === 'open' && !dispute.seller_answer && (
                <AnswerForm dispute={dispute} onAnswered={() => setNotice('Your answer is sent. TechMarket will decide.')} />
              )}
            </Panel>
          )}
        </div>
        <div className="flex min-w-0 flex-col gap-4">
          <SaleShipment sale={sale} />
          <Panel title="Ship to">
            <AddressBlock address={sale.shipping_address} />
          </Panel>
          <Panel title="Timeline">
            <OrderTimeline order={sale} />
          </Panel>
        </div>
      </div>
      <ShipDialog
        sale={shipping ? sale : null}
        onClose={() => setShipping(false)}
        onShipped={(shipped) => {
          setShipping(false)
          setNotice(
            shipped.shipment?.label_url
              ? 'Your label is ready: download it, print it and stick it on the parcel. The buyer is told.'
              : 'Marked as shipped. The buyer is told and can follow the parcel.',
          )
        }}
      />
    </div>
  )
}

const ANSWER_FIELDS = ['statement'] as const

/** The seller's side of a dispute, answered once. */
function AnswerForm({ dispute, onAnswered }: { dispute: Dispute; onAnswered: () => void }) {
  const [answer, { isLoading }] = useAnswerDisputeMutation()
  const [statement, setStatement] = useState('')
  const form = useFormErrors(ANSWER_FIELDS)

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!statement.trim()) {
      form.show({ statement: ['Write your side of the story.'] }, null)
      return
    }
    form.clear()
    try {
      await answer({ disputeId: dispute.id, statement: statement.trim() }).unwrap()
      onAnswered()
    } catch (error) {
      form.showProblem(error)
    }
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-3">
      <FormAlert id={form.alertId} message={form.alert} />
      <TextField
        {...form.fieldProps('statement', 'You can answer once. TechMarket reads both sides and decides.')}
        label="Your answer"
        required
        multiline
        minRows={3}
        value={statement}
        onChange={(event) => setStatement(event.target.value)}
        slotProps={{ htmlInput: { maxLength: 5000 } }}
      />
      <Button type="submit" variant="contained" disabled={isLoading} className="self-start">
        {isLoading ? 'Sending…' : 'Send answer'}
      </Button>
    </form>
  )
}
