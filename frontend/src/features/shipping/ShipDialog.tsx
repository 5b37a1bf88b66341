import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogTitle from '@mui/material/DialogTitle'
import FormControl from '@mui/material/FormControl'
import FormControlLabel from '@mui/material/FormControlLabel'
import FormLabel from '@mui/material/FormLabel'
import Radio from '@mui/material/Radio'
import RadioGroup from '@mui/material/RadioGroup'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { useTheme } from '@mui/material/styles'
import useMediaQuery from '@mui/material/useMediaQuery'
import { useId, useState, type FormEvent } from 'react'

import { useShipSaleMutation } from '../../api/orders'
import { CARRIERS, SHIPPING_SERVICES, type Carrier, type Sale, type ShipmentCreate, type ShippingService } from '../../api/types'
import { FormAlert } from '../auth/FormAlert'
import { useFormErrors } from '../auth/formErrors'
import { CARRIER_LABELS, SERVICE_LABELS } from './shippingLabels'

const SHIP_FIELDS = ['service', 'carrier', 'tracking_number'] as const

type Mode = 'label' | 'own'

type ShipDialogProps = { sale: Sale | null; onClose: () => void; onShipped: (sale: Sale) => void }

/**
 * The seller's "Ship": buy a label from TechMarket's carrier (the parcel is then tracked by
 * itself), or give the carrier and tracking number of a parcel sent another way.
 */
export function ShipDialog({ sale, onClose, onShipped }: ShipDialogProps) {
  const theme = useTheme()
  const phone = useMediaQuery(theme.breakpoints.down('sm'))
  const titleId = useId()
  return (
    <Dialog open={sale !== null} onClose={onClose} fullScreen={phone} fullWidth maxWidth="sm" aria-labelledby={titleId}>
      {sale && <ShipForm titleId={titleId} sale={sale} onClose={onClose} onShipped={onShipped} />}
    </Dialog>
  )
}

function ShipForm({ titleId, sale, onClose, onShipped }: Omit<ShipDialogProps, 'sale'> & { sale: Sale; titleId: string }) {
  const [ship, { isLoading }] = useShipSaleMutation()
  const [mode, setMode] = useState<Mode>('label')
  const [service, setService] = useState<ShippingService>(sale.shipping_service ?? 'standard')
  const [carrier, setCarrier] = useState<Carrier | ''>('')
  const [tracking, setTracking] = useState('')
  const form = useFormErrors(SHIP_FIELDS)
  const modeLabelId = useId()
  const serviceLabelId = useId()

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    let shipment: ShipmentCreate
    if (mode === 'label') {
      shipment = { service }
    } else {
      const trackingNumber = tracking.trim()
      const errors = {
        ...(carrier ? {} : { carrier: ['Choose the carrier.'] }),
        ...(trackingNumber ? {} : { tracking_number: ['Enter the tracking number from the receipt.'] }),
      }
      if (!carrier || !trackingNumber) {
        form.show(errors, null)
        return
      }
      shipment = { carrier, tracking_number: trackingNumber }
    }
    form.clear()
    try {
      onShipped(await ship({ id: sale.id, shipment }).unwrap())
    } catch (error) {
      form.showProblem(error)
    }
  }

  const busyLabel = mode === 'label' ? 'Buying the label…' : 'Saving…'
  const submitLabel = mode === 'label' ? 'Buy label and ship' : 'Mark as shipped'
  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="flex min-h-0 flex-1 flex-col">
      <DialogTitle id={titleId}>Ship to {sale.shipping_address.name}</DialogTitle>
      <DialogContent dividers className="flex flex-col gap-4">
        <FormAlert id={form.alertId} message={form.alert} />
        <FormControl component="fieldset">
          <FormLabel component="legend" id={modeLabelId}>
            How do you send it?
          </FormLabel>
          <RadioGroup
            aria-labelledby={modeLabelId}
            name="ship-mode"
            value={mode}
            onChange={(event) => {
              form.clear()
              setMode(event.target.value as Mode)
            }}
          >
            <FormControlLabel value="label" control={<Radio />} label="Buy a shipping label from TechMarket" />
            <FormControlLabel value="own" control={<Radio />} label="I sent it with another carrier" />
          </RadioGroup>
        </FormControl>

        {mode === 'label' ? (
          <FormControl component="fieldset" error={(form.fieldErrors.service?.length ?? 0) > 0}>
            <FormLabel component="legend" id={serviceLabelId}>
              Service
            </FormLabel>
            <RadioGroup
              id={form.idOf('service')}
              aria-labelledby={serviceLabelId}
              name="ship-service"
              value={service}
              onChange={(event) => setService(event.target.value as ShippingService)}
            >
              {SHIPPING_SERVICES.map((option) => (
                <FormControlLabel
                  key={option}
                  value={option}
                  control={<Radio />}
                  label={`${SERVICE_LABELS[option]}${option === sale.shipping_service ? ' (what the buyer chose)' : ''}`}
                />
              ))}
            </RadioGroup>
            {form.fieldErrors.service?.map((message) => (
              <Typography key={message} variant="caption" color="error">
                {message}
              </Typography>
            ))}
            <Typography variant="body2" color="text.secondary">
              The label’s price is taken from your payout. Print it, stick it on the parcel and hand it to the carrier; the
              buyer can follow the parcel from the first scan.
            </Typography>
          </FormControl>
        ) : (
          <>
            <TextField
              {...form.fieldProps('carrier')}
              select
              label="Carrier"
              required
              value={carrier}
              onChange={(event) => setCarrier(event.target.value as Carrier | '')}
              slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
            >
              <option value="">Choose…</option>
              {CARRIERS.map((option) => (
                <option key={option} value={option}>
                  {CARRIER_LABELS[option]}
                </option>
              ))}
            </TextField>
            <TextField
              {...form.fieldProps('tracking_number', 'As printed on the carrier’s receipt.')}
              label="Tracking number"
              required
              value={tracking}
              onChange={(event) => setTracking(event.target.value)}
              slotProps={{ htmlInput: { maxLength: 60, spellCheck: false, autoCapitalize: 'characters', autoComplete: 'off' } }}
            />
          </>
        )}
      </DialogContent>
      <DialogActions className="px-6 py-4">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="contained" disabled={isLoading}>
          {isLoading ? busyLabel : submitLabel}
        </Button>
      </DialogActions>
    </form>
  )
}
