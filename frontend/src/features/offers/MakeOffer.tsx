import LocalOfferIcon from '@mui/icons-material/LocalOffer'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogTitle from '@mui/material/DialogTitle'
import InputAdornment from '@mui/material/InputAdornment'
import Link from '@mui/material/Link'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { useTheme } from '@mui/material/styles'
import useMediaQuery from '@mui/material/useMediaQuery'
import { useId, useState, type FormEvent } from 'react'
import { Link as RouterLink, useLocation } from 'react-router'

import { useMakeOfferMutation } from '../../api/offers'
import type { ProductDetail, ProductOption } from '../../api/types'
import { useAppSelector } from '../../app/hooks'
import { formatPrice, parseMoney } from '../../components/Price'
import { selectIsSignedIn } from '../auth/authSlice'
import { FormAlert } from '../auth/FormAlert'
import { useFormErrors } from '../auth/formErrors'
import { signInPath } from '../auth/safeNextPath'

const FIELDS = ['amount'] as const

/**
 * "Make an offer" on someone else's listing. Signed out, it leads to sign-in first. The amount is
 * typed in major units and sent in minor units; it must be below the listed price.
 */
export function MakeOffer({ product, option }: { product: ProductDetail; option: ProductOption | null }) {
  const signedIn = useAppSelector(selectIsSignedIn)
  const location = useLocation()
  const [open, setOpen] = useState(false)
  const [sent, setSent] = useState<string | null>(null)

  if (!signedIn) {
    return (
      <Button variant="outlined" startIcon={<LocalOfferIcon />} component={RouterLink} to={signInPath(location.pathname)}>
        Make an offer
      </Button>
    )
  }
  return (
    <div className="flex flex-col items-start gap-2">
      <Button
        variant="outlined"
        startIcon={<LocalOfferIcon />}
        onClick={() => {
          setSent(null)
          setOpen(true)
        }}
      >
        Make an offer
      </Button>
      {sent && (
        <Alert severity="success" role="status" onClose={() => setSent(null)}>
          {sent}{' '}
          <Link component={RouterLink} to="/account/offers">
            See your offers
          </Link>
        </Alert>
      )}
      <OfferDialog
        open={open}
        product={product}
        option={option}
        onClose={() => setOpen(false)}
        onSent={(message) => {
          setOpen(false)
          setSent(message)
        }}
      />
    </div>
  )
}

function OfferDialog({
  open,
  product,
  option,
  onClose,
  onSent,
}: {
  open: boolean
  product: ProductDetail
  option: ProductOption | null
  onClose: () => void
  onSent: (message: string) => void
}) {
  const theme = useTheme()
  const phone = useMediaQuery(theme.breakpoints.down('sm'))
  const titleId = useId()
  return (
    <Dialog open={open} onClose={onClose} fullScreen={phone} fullWidth maxWidth="xs" aria-labelledby={titleId}>
      {open && <OfferForm titleId={titleId} product={product} option={option} onClose={onClose} onSent={onSent} />}
    </Dialog>
  )
}

function OfferForm({
  titleId,
  product,
  option,
  onClose,
  onSent,
}: {
  titleId: string
  product: ProductDetail
  option: ProductOption | null
  onClose: () => void
  onSent: (message: string) => void
}) {
  const [makeOffer, { isLoading }] = useMakeOfferMutation()
  const [amountText, setAmountText] = useState('')
  const form = useFormErrors(FIELDS)
  const listed = option?.price ?? product.price
  const listedText = formatPrice(listed, product.currency)

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const amount = parseMoney(amountText, product.currency)
    if (amount === undefined || amount <= 0) {
      form.show({ amount: ['Enter an amount, such as 1150 or 1150.50.'] }, null)
      return
    }
    if (amount >= listed) {
      form.show({ amount: [`An offer is below the listed price of ${listedText}.`] }, null)
      return
    }
    form.clear()
    try {
      await makeOffer({ productId: product.id, offer: { amount, ...(option ? { option_id: option.id } : {}) } }).unwrap()
      onSent(`Your offer of ${formatPrice(amount, product.currency)} is sent to ${product.seller.store_name}.`)
    } catch (error) {
      form.showProblem(error)
    }
  }

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="flex min-h-0 flex-1 flex-col">
      <DialogTitle id={titleId}>Make an offer</DialogTitle>
      <DialogContent dividers className="flex flex-col gap-4">
        <Typography>
          {product.title}
          {option && ` (${option.name})`}
        </Typography>
        <Typography>
          Listed price: <strong>{listedText}</strong>
        </Typography>
        <FormAlert id={form.alertId} message={form.alert} />
        <TextField
          {...form.fieldProps('amount', 'The seller can accept, decline or answer with another price within 48 hours.')}
          label={`Your offer (${product.currency})`}
          required
          autoFocus
          value={amountText}
          onChange={(event) => setAmountText(event.target.value)}
          slotProps={{
            htmlInput: { inputMode: 'decimal', autoComplete: 'off' },
            input: { startAdornment: <InputAdornment position="start">{product.currency}</InputAdornment> },
          }}
        />
      </DialogContent>
      <DialogActions className="px-6 py-4">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="contained" disabled={isLoading}>
          {isLoading ? 'Sending…' : 'Send offer'}
        </Button>
      </DialogActions>
    </form>
  )
}
