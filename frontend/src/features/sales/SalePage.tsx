import LocalShippingIcon from '@mui/icons-material/LocalShipping'
import { skipToken } from '@reduxjs/toolkit/query'
import Alert from '@mui/material/Alert'
import Breadcrumbs from '@mui/material/Breadcrumbs'
import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogTitle from '@mui/material/DialogTitle'
import Link from '@mui/material/Link'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { useTheme } from '@mui/material/styles'
import useMediaQuery from '@mui/material/useMediaQuery'
import { useId, useState, type FormEvent } from 'react'
import { Link as RouterLink, useParams } from 'react-router'

import { useAnswerDisputeMutation, useGetOrderDisputeQuery, useGetSaleQuery, useShipSaleMutation } from '../../api/orders'
import type { Dispute, Sale, ShipmentCreate } from '../../api/types'
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

/** What the API takes as a tracking number. */
export const TRACKING_NUMBER = /^[A-Za-z0-9-]{6,40}$/

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
          <Typography>Paid: pack it and send it to the address below, then mark it as shipped.</Typography>
          <Button variant="contained" startIcon={<LocalShippingIcon />} onClick={() => setShipping(true)}>
            Mark as shipped
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
        <div className="flex flex-col gap-4">
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
        onShipped={() => {
          setShipping(false)
          setNotice('Marked as shipped. The buyer is told.')
        }}
      />
    </div>
  )
}

const SHIP_FIELDS = ['carrier', 'tracking_number'] as const

type ShipDialogProps = { sale: Sale | null; onClose: () => void; onShipped: () => void }

/** "Mark as shipped", with an optional carrier and tracking number. */
export function ShipDialog({ sale, onClose, onShipped }: ShipDialogProps) {
  const theme = useTheme()
  const phone = useMediaQuery(theme.breakpoints.down('sm'))
  const titleId = useId()
  return (
    <Dialog open={sale !== null} onClose={onClose} fullScreen={phone} fullWidth maxWidth="xs" aria-labelledby={titleId}>
      {sale && <ShipForm titleId={titleId} sale={sale} onClose={onClose} onShipped={onShipped} />}
    </Dialog>
  )
}

function ShipForm({ titleId, sale, onClose, onShipped }: Omit<ShipDialogProps, 'sale'> & { sale: Sale; titleId: string }) {
  const [ship, { isLoading }] = useShipSaleMutation()
  const [carrier, setCarrier] = useState('')
  const [tracking, setTracking] = useState('')
  const form = useFormErrors(SHIP_FIELDS)

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const trackingNumber = tracking.trim()
    if (trackingNumber && !TRACKING_NUMBER.test(trackingNumber)) {
      form.show({ tracking_number: ['Use 6 to 40 letters, digits or dashes, without spaces.'] }, null)
      return
    }
    form.clear()
    const shipment: ShipmentCreate = {
      ...(carrier.trim() ? { carrier: carrier.trim() } : {}),
      ...(trackingNumber ? { tracking_number: trackingNumber } : {}),
    }
    try {
      await ship({ id: sale.id, shipment }).unwrap()
      onShipped()
    } catch (error) {
      form.showProblem(error)
    }
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="flex min-h-0 flex-1 flex-col">
      <DialogTitle id={titleId}>Mark as shipped</DialogTitle>
      <DialogContent dividers className="flex flex-col gap-4">
        <Typography variant="body2">
          The buyer is told the parcel is on its way. A tracking number lets them follow it.
        </Typography>
        <FormAlert id={form.alertId} message={form.alert} />
        <TextField
          {...form.fieldProps('carrier', 'Optional, such as DHL or Royal Mail.')}
          label="Carrier"
          value={carrier}
          onChange={(event) => setCarrier(event.target.value)}
          slotProps={{ htmlInput: { maxLength: 40 } }}
        />
        <TextField
          {...form.fieldProps('tracking_number', 'Optional: 6 to 40 letters, digits or dashes.')}
          label="Tracking number"
          value={tracking}
          onChange={(event) => setTracking(event.target.value)}
          slotProps={{ htmlInput: { maxLength: 40, spellCheck: false, autoCapitalize: 'characters' } }}
        />
      </DialogContent>
      <DialogActions className="px-6 py-4">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="contained" disabled={isLoading}>
          {isLoading ? 'Saving…' : 'Mark as shipped'}
        </Button>
      </DialogActions>
    </form>
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
