import Alert from '@mui/material/Alert'
import Breadcrumbs from '@mui/material/Breadcrumbs'
import Button from '@mui/material/Button'
import Link from '@mui/material/Link'
import Typography from '@mui/material/Typography'
import { skipToken } from '@reduxjs/toolkit/query'
import { useState } from 'react'
import { Link as RouterLink, useParams } from 'react-router'

import {
  useCancelOrderMutation,
  useConfirmDeliveryMutation,
  useGetOrderDisputeQuery,
  useGetOrderQuery,
} from '../../api/orders'
import type { Order } from '../../api/types'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorState } from '../../components/ErrorState'
import { LoadingState } from '../../components/LoadingState'
import { formatPrice } from '../../components/Price'
import { formatDateTime } from '../account/formatDate'
import { RequireSignIn } from '../auth/RequireSignIn'
import { TrackingCard } from '../shipping/TrackingCard'
import { DisputeDialog } from './DisputeDialog'
import {
  AddressBlock,
  buyerStatusText,
  DisputeDetails,
  OrderItems,
  OrderStatusChip,
  OrderTimeline,
  OrderTotals,
  Panel,
} from './OrderParts'
import { canCancel, canConfirmDelivery, canDispute, mayHaveDispute } from './orderLabels'

/** `/account/orders/:id`: one order, its timeline, and what the buyer can do with it now. */
export function OrderPage() {
  return (
    <RequireSignIn>
      <OrderDetails />
    </RequireSignIn>
  )
}

type Dialog = 'cancel' | 'confirm' | 'dispute' | null

function OrderDetails() {
  const { id = '' } = useParams()
  const { data: order, isLoading, isError, error, refetch } = useGetOrderQuery(id)
  const [dialog, setDialog] = useState<Dialog>(null)
  const [notice, setNotice] = useState<{ severity: 'success' | 'warning'; text: string } | null>(null)
  const [cancelOrder, cancelState] = useCancelOrderMutation()
  const [confirmDelivery, confirmState] = useConfirmDeliveryMutation()
  const disputeQuery = useGetOrderDisputeQuery(order && mayHaveDispute(order.status) ? order.id : skipToken)

  if (isLoading) return <LoadingState label="Loading your order" variant="page" />
  if (isError || !order) {
    return (
      <div className="flex flex-col gap-4">
        <ErrorState error={error} onRetry={() => void refetch()} />
        <Link component={RouterLink} to="/account/orders">
          Back to your orders
        </Link>
      </div>
    )
  }

  const closeDialog = () => {
    setDialog(null)
    cancelState.reset()
    confirmState.reset()
  }
  const cancel = async () => {
    try {
      const cancelled = await cancelOrder(order.id).unwrap()
      closeDialog()
      setNotice({
        severity: 'success',
        text:
          cancelled.refunded_total > 0
            ? `Your order is cancelled. ${formatPrice(cancelled.refunded_total, cancelled.currency)} is refunded to your card.`
            : 'Your order is cancelled.',
      })
    } catch {
      // Shown in the dialog.
    }
  }
  const confirm = async () => {
    try {
      await confirmDelivery(order.id).unwrap()
      closeDialog()
      setNotice({ severity: 'success', text: `Thank you. ${order.seller.store_name} is paid now.` })
    } catch {
      // Shown in the dialog.
    }
  }

  const dispute = disputeQuery.data ?? null
  return (
    <div className="flex flex-col gap-4">
      <title>{`Order from ${order.seller.store_name} · TechMarket`}</title>
      <Breadcrumbs aria-label="Breadcrumb">
        <Link component={RouterLink} to="/account" color="inherit">
          Your account
        </Link>
        <Link component={RouterLink} to="/account/orders" color="inherit">
          Orders
        </Link>
        <Typography color="text.primary">{order.seller.store_name}</Typography>
      </Breadcrumbs>
      <div className="flex flex-wrap items-center gap-3">
        <Typography variant="h1">Order from {order.seller.store_name}</Typography>
        <OrderStatusChip status={order.status} size="medium" />
      </div>
      <Typography color="text.secondary">
        Placed {formatDateTime(order.created_at)} · {buyerStatusText(order)}
      </Typography>
      {notice && (
        <Alert severity={notice.severity} role="status" onClose={() => setNotice(null)}>
          {notice.text}
        </Alert>
      )}
      <OrderActions order={order} hasDispute={dispute !== null} onAction={setDialog} />

      <div className="grid gap-4 md:grid-cols-[1fr_18rem] md:items-start">
        <div className="flex min-w-0 flex-col gap-4">
          <Panel title="Items">
            <OrderItems order={order} />
            <OrderTotals order={order} />
          </Panel>
          {dispute && (
            <Panel title="Dispute">
              <DisputeDetails dispute={dispute} currency={order.currency} />
            </Panel>
          )}
        </div>
        <div className="flex min-w-0 flex-col gap-4">
          <TrackingCard order={order} />
          <Panel title="Delivery address">
            <AddressBlock address={order.shipping_address} />
          </Panel>
          <Panel title="Timeline">
            <OrderTimeline order={order} />
          </Panel>
        </div>
      </div>

      <ConfirmDialog
        open={dialog === 'cancel'}
        title="Cancel this order?"
        confirmLabel="Cancel order"
        busyLabel="Cancelling…"
        busy={cancelState.isLoading}
        error={cancelState.error}
        onConfirm={() => void cancel()}
        onClose={closeDialog}
      >
        {order.seller.store_name} will not ship it
        {order.status === 'paid' ? `, and ${formatPrice(order.total, order.currency)} is refunded to your card` : ''}. This
        can’t be undone.
      </ConfirmDialog>
      <ConfirmDialog
        open={dialog === 'confirm'}
        title="Confirm the delivery?"
        confirmLabel="Confirm delivery"
        busyLabel="Confirming…"
        busy={confirmState.isLoading}
        error={confirmState.error}
        confirmColor="primary"
        onConfirm={() => void confirm()}
        onClose={closeDialog}
      >
        Confirm only once the parcel has arrived and everything is as described: {order.seller.store_name} is paid at once,
        and the order can no longer be disputed.
      </ConfirmDialog>
      <DisputeDialog
        order={dialog === 'dispute' ? order : null}
        onClose={closeDialog}
        onOpened={(_dispute, photoProblems) => {
          closeDialog()
          setNotice(
            photoProblems.length > 0
              ? { severity: 'warning', text: `Your dispute is open, but some photos were not added: ${photoProblems.join('; ')}` }
              : { severity: 'success', text: 'Your dispute is open. The seller is asked to answer.' },
          )
        }}
      />
    </div>
  )
}

function OrderActions({
  order,
  hasDispute,
  onAction,
}: {
  order: Order
  hasDispute: boolean
  onAction: (dialog: Dialog) => void
}) {
  const actions = [
    canConfirmDelivery(order.status) && (
      <Button key="confirm" variant="contained" onClick={() => onAction('confirm')}>
        Confirm delivery
      </Button>
    ),
    canDispute(order.status) && !hasDispute && (
      <Button key="dispute" variant="outlined" color="warning" onClick={() => onAction('dispute')}>
        Open a dispute
      </Button>
    ),
    canCancel(order.status) && (
      <Button key="cancel" variant="outlined" color="error" onClick={() => onAction('cancel')}>
        Cancel order
      </Button>
    ),
  ].filter(Boolean)
  if (actions.length === 0) return null
  return (
    <div role="group" aria-label="Order actions" className="flex flex-wrap gap-2">
      {actions}
    </div>
  )
}
