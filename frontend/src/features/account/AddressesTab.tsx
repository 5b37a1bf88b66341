import AddIcon from '@mui/icons-material/Add'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogContentText from '@mui/material/DialogContentText'
import DialogTitle from '@mui/material/DialogTitle'
import Divider from '@mui/material/Divider'
import Typography from '@mui/material/Typography'
import { Fragment, useId, useState } from 'react'

import { useDeleteAddressMutation, useGetAddressesQuery, useUpdateAddressMutation } from '../../api/account'
import { errorMessageOf } from '../../api/problem'
import { MAX_ADDRESSES, type Address } from '../../api/types'
import { ErrorState } from '../../components/ErrorState'
import { LoadingState } from '../../components/LoadingState'
import { AddressDialog } from './AddressDialog'
import { countryName } from './countries'
import { SectionCard } from './SectionCard'

/** How an address is named to screen readers and in buttons: "Ada Lovelace, 12 Analytical Street". */
export const addressLabel = (address: Address) => `${address.name}, ${address.line1}`

/** The lines of an address as a label would print them. */
function addressLines(address: Address): string[] {
  return [
    address.line1,
    address.line2,
    `${address.postal_code} ${address.city}`,
    address.region,
    countryName(address.country),
  ].filter((line): line is string => Boolean(line))
}

type Editing = { address: Address | null } | null

/** `/account?tab=addresses`: the address book, with the default address first. */
export function AddressesTab() {
  const { data: addresses, isLoading, isError, error, refetch } = useGetAddressesQuery()
  const [updateAddress, updateState] = useUpdateAddressMutation()
  const [editing, setEditing] = useState<Editing>(null)
  const [deleting, setDeleting] = useState<Address | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const full = (addresses?.length ?? 0) >= MAX_ADDRESSES

  const makeDefault = async (address: Address) => {
    setNotice(null)
    setFailure(null)
    try {
      await updateAddress({ id: address.id, changes: { is_default: true } }).unwrap()
      setNotice(`${addressLabel(address)} is now your default address.`)
    } catch (caught) {
      const message = errorMessageOf(caught as Parameters<typeof errorMessageOf>[0])
      setFailure(`The default address was not changed: ${message.title}`)
    }
  }

  return (
    <SectionCard
      title="Addresses"
      action={
        <Button
          variant="contained"
          startIcon={<AddIcon />}
          disabled={!addresses || full}
          onClick={() => {
            setNotice(null)
            setEditing({ address: null })
          }}
        >
          Add address
        </Button>
      }
    >
      <Typography variant="body2" color="text.secondary">
        Where your orders can be sent. The default address is suggested first at checkout.
        {full && ` You can keep up to ${MAX_ADDRESSES} addresses; delete one to add another.`}
      </Typography>
      {notice && (
        <Alert severity="success" role="status" onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {failure && <Alert severity="error">{failure}</Alert>}
      {isLoading ? (
        <LoadingState label="Loading your addresses" variant="list" count={2} />
      ) : isError || !addresses ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : addresses.length === 0 ? (
        <Typography>You have no saved addresses yet.</Typography>
      ) : (
        <ul aria-label="Addresses" className="m-0 flex list-none flex-col p-0">
          {addresses.map((address, index) => {
            const label = addressLabel(address)
            const busy = updateState.isLoading && updateState.originalArgs?.id === address.id
            return (
              <Fragment key={address.id}>
                {index > 0 && <Divider component="li" aria-hidden />}
                <li aria-label={label} className="flex flex-col gap-3 py-3 sm:flex-row sm:items-start sm:justify-between">
                  <div className="min-w-0">
                    <div className="flex flex-wrap items-center gap-2">
                      <Typography sx={{ fontWeight: 600 }} className="break-words">
                        {address.name}
                      </Typography>
                      {address.is_default && <Chip label="Default" color="primary" size="small" />}
                    </div>
                    {addressLines(address).map((line) => (
                      <Typography key={line} variant="body2" className="break-words">
                        {line}
                      </Typography>
                    ))}
                    {address.phone && (
                      <Typography variant="body2" color="text.secondary">
                        Phone {address.phone}
                      </Typography>
                    )}
                  </div>
                  <div className="flex shrink-0 flex-wrap gap-2">
                    <Button
                      variant="outlined"
                      size="small"
                      aria-label={`Edit ${label}`}
                      onClick={() => {
                        setNotice(null)
                        setEditing({ address })
                      }}
                    >
                      Edit
                    </Button>
                    {!address.is_default && (
                      <Button
                        variant="outlined"
                        size="small"
                        aria-label={`Make ${label} the default`}
                        disabled={busy}
                        onClick={() => void makeDefault(address)}
                      >
                        {busy ? 'Saving…' : 'Make default'}
                      </Button>
                    )}
                    <Button
                      variant="outlined"
                      color="error"
                      size="small"
                      aria-label={`Delete ${label}`}
                      onClick={() => setDeleting(address)}
                    >
                      Delete
                    </Button>
                  </div>
                </li>
              </Fragment>
            )
          })}
        </ul>
      )}
      <AddressDialog
        open={editing !== null}
        address={editing?.address ?? null}
        onClose={() => setEditing(null)}
        onSaved={(message) => {
          setEditing(null)
          setFailure(null)
          setNotice(message)
        }}
      />
      <DeleteAddressDialog
        address={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(address) => {
          setDeleting(null)
          setFailure(null)
          setNotice(`${addressLabel(address)} is deleted.`)
        }}
      />
    </SectionCard>
  )
}

function DeleteAddressDialog({
  address,
  onClose,
  onDeleted,
}: {
  address: Address | null
  onClose: () => void
  onDeleted: (address: Address) => void
}) {
  const [deleteAddress, { isLoading, isError, error, reset }] = useDeleteAddressMutation()
  const titleId = useId()
  const textId = useId()
  // Kept while the dialog closes, so its text does not go blank during the fade.
  const [shown, setShown] = useState<Address | null>(address)
  if (address !== null && address !== shown) setShown(address)

  const close = () => {
    reset()
    onClose()
  }
  const confirm = async () => {
    if (!address) return
    try {
      await deleteAddress(address.id).unwrap()
      reset()
      onDeleted(address)
    } catch {
      // Shown in the dialog.
    }
  }

  return (
    <Dialog open={address !== null} onClose={close} aria-labelledby={titleId} aria-describedby={textId}>
      <DialogTitle id={titleId}>Delete this address?</DialogTitle>
      <DialogContent className="flex flex-col gap-3">
        <DialogContentText id={textId} component="div">
          {shown && (
            <>
              <span className="block font-semibold">{shown.name}</span>
              {addressLines(shown).map((line) => (
                <span key={line} className="block">
                  {line}
                </span>
              ))}
            </>
          )}
        </DialogContentText>
        {isError && <ErrorState error={error} />}
      </DialogContent>
      <DialogActions className="px-6 pb-4">
        <Button onClick={close}>Cancel</Button>
        <Button variant="contained" color="error" disabled={isLoading} onClick={() => void confirm()}>
          {isLoading ? 'Deleting…' : 'Delete'}
        </Button>
      </DialogActions>
    </Dialog>
  )
}
