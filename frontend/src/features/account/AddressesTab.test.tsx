import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'

import type { Address } from '../../api/types'
import { address, addresses, signedInState } from '../../test/fixtures'
import { api, problem } from '../../test/handlers'
import { renderWithProviders } from '../../test/renderWithProviders'
import { server } from '../../test/server'
import { AccountPage } from './AccountPage'

function renderAddresses() {
  return renderWithProviders(<AccountPage />, {
    route: '/account?tab=addresses',
    path: '/account',
    preloadedState: signedInState(),
  })
}

/** An address book the handlers change, so the list after a write shows what the server holds. */
function serveAddressBook(initial: Address[] = addresses) {
  let book = initial.map((entry) => ({ ...entry }))
  const calls = { created: [] as unknown[], patched: [] as { id: string; body: unknown }[], deleted: [] as string[] }
  server.use(
    http.get(api('/users/me/addresses'), () =>
      HttpResponse.json({
        items: [...book].sort((a, b) => Number(b.is_default) - Number(a.is_default)),
        next_cursor: null,
      }),
    ),
    http.patch(api('/users/me/addresses/:id'), async ({ params, request }) => {
      const body = (await request.json()) as Partial<Address>
      calls.patched.push({ id: String(params.id), body })
      if (body.is_default) book = book.map((entry) => ({ ...entry, is_default: false }))
      book = book.map((entry) => (entry.id === params.id ? { ...entry, ...body } : entry))
      return HttpResponse.json(book.find((entry) => entry.id === params.id))
    }),
    http.delete(api('/users/me/addresses/:id'), ({ params }) => {
      calls.deleted.push(String(params.id))
      book = book.filter((entry) => entry.id !== params.id)
      return new HttpResponse(null, { status: 204 })
    }),
  )
  return { calls, add: (entry: Address) => (book = [...book, entry]) }
}

describe('Addresses tab', () => {
  it('lists the addresses with the default one marked', async () => {
    renderAddresses()

    const list = await screen.findByRole('list', { name: 'Addresses' })
    const home = within(list).getByRole('listitem', { name: 'Ada Lovelace, 12 Analytical Street' })
    expect(within(home).getByText('Default')).toBeInTheDocument()
    expect(within(home).getByText('10115 Berlin')).toBeInTheDocument()
    expect(within(home).getByText('Germany')).toBeInTheDocument()
    expect(within(home).queryByRole('button', { name: /the default$/ })).not.toBeInTheDocument()
    const office = within(list).getByRole('listitem', { name: 'Ada Lovelace, 1 Engine Yard' })
    expect(within(office).queryByText('Default')).not.toBeInTheDocument()
    expect(within(office).getByText('United Kingdom')).toBeInTheDocument()
  })

  it('adds an address, showing a 422 for the country under the country field', async () => {
    const book = serveAddressBook()
    const sent: unknown[] = []
    let refuse = true
    server.use(
      http.post(api('/users/me/addresses'), async ({ request }) => {
        const body = (await request.json()) as Address
        sent.push(body)
        if (refuse) {
          refuse = false
          return problem(422, 'Check the address', undefined, {
            errors: [{ field: 'country', in: 'body', message: 'We do not deliver to this country yet.' }],
          })
        }
        const created = address({ ...body, id: 'addr-new', line2: null, region: null, phone: null, is_default: false })
        book.add(created)
        return HttpResponse.json(created, { status: 201 })
      }),
    )
    const user = userEvent.setup()
    renderAddresses()

    await user.click(await screen.findByRole('button', { name: 'Add address' }))
    const dialog = await screen.findByRole('dialog', { name: 'Add an address' })
    const field = (label: RegExp) => within(dialog).getByLabelText(label, { selector: 'input' })
    expect(field(/^Full name/)).toHaveAttribute('autocomplete', 'name')
    expect(field(/^Address line 1/)).toHaveAttribute('autocomplete', 'address-line1')
    expect(field(/^Address line 2/)).toHaveAttribute('autocomplete', 'address-line2')
    expect(field(/^City/)).toHaveAttribute('autocomplete', 'address-level2')
    expect(field(/^State, province or region/)).toHaveAttribute('autocomplete', 'address-level1')
    expect(field(/^Postal code/)).toHaveAttribute('autocomplete', 'postal-code')
    expect(field(/^Country/)).toHaveAttribute('autocomplete', 'country')
    expect(field(/^Phone/)).toHaveAttribute('autocomplete', 'tel')

    // Nothing filled in: the required fields say so, and nothing is sent.
    await user.click(within(dialog).getByRole('button', { name: 'Save address' }))
    expect(field(/^Country/)).toHaveAccessibleDescription('Choose the country.')
    expect(sent).toEqual([])

    await user.type(field(/^Full name/), 'Charles Babbage')
    await user.type(field(/^Address line 1/), '5 Difference Lane')
    await user.type(field(/^Postal code/), '0150')
    await user.type(field(/^City/), 'Oslo')
    await user.type(field(/^Country/), 'Norw')
    await user.click(await screen.findByRole('option', { name: 'Norway' }))
    expect(field(/^Country/)).toHaveValue('Norway')
    await user.click(within(dialog).getByRole('button', { name: 'Save address' }))

    await waitFor(() => expect(field(/^Country/)).toHaveAccessibleDescription('We do not deliver to this country yet.'))
    expect(field(/^Country/)).toHaveAttribute('aria-invalid', 'true')
    expect(field(/^City/)).toHaveAttribute('aria-invalid', 'false')
    await waitFor(() => expect(field(/^Country/)).toHaveFocus())
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Check the address')

    await user.click(within(dialog).getByRole('button', { name: 'Save address' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(sent).toHaveLength(2)
    expect(sent[1]).toEqual({
      name: 'Charles Babbage',
      line1: '5 Difference Lane',
      postal_code: '0150',
      city: 'Oslo',
      country: 'NO',
    })
    const list = screen.getByRole('list', { name: 'Addresses' })
    const added = await within(list).findByRole('listitem', { name: 'Charles Babbage, 5 Difference Lane' })
    expect(within(added).getByText('0150 Oslo')).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('The address for Charles Babbage is saved.')
  })

  it('edits an address, sending only what changed and null for a cleared line', async () => {
    const { calls } = serveAddressBook()
    const user = userEvent.setup()
    renderAddresses()

    const list = await screen.findByRole('list', { name: 'Addresses' })
    await user.click(within(list).getByRole('button', { name: 'Edit Ada Lovelace, 1 Engine Yard' }))
    const dialog = await screen.findByRole('dialog', { name: 'Edit address' })
    const field = (label: RegExp) => within(dialog).getByLabelText(label, { selector: 'input' })
    expect(field(/^Country/)).toHaveValue('United Kingdom')
    await user.clear(field(/^Address line 2/))
    await user.clear(field(/^City/))
    await user.type(field(/^City/), 'Cambridge')
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(calls.patched).toEqual([{ id: 'addr-office', body: { line2: null, city: 'Cambridge' } }])
    const office = within(list).getByRole('listitem', { name: 'Ada Lovelace, 1 Engine Yard' })
    expect(await within(office).findByText('EC1A 1BB Cambridge')).toBeInTheDocument()
    expect(within(office).queryByText('Floor 3')).not.toBeInTheDocument()
  })

  it('makes another address the default', async () => {
    const { calls } = serveAddressBook()
    const user = userEvent.setup()
    renderAddresses()

    const list = await screen.findByRole('list', { name: 'Addresses' })
    await user.click(within(list).getByRole('button', { name: 'Make Ada Lovelace, 1 Engine Yard the default' }))

    await waitFor(() => expect(calls.patched).toEqual([{ id: 'addr-office', body: { is_default: true } }]))
    await waitFor(() =>
      expect(within(list).getAllByRole('listitem').map((item) => item.getAttribute('aria-label'))).toEqual([
        'Ada Lovelace, 1 Engine Yard',
        'Ada Lovelace, 12 Analytical Street',
      ]),
    )
    const office = within(list).getByRole('listitem', { name: 'Ada Lovelace, 1 Engine Yard' })
    expect(within(office).getByText('Default')).toBeInTheDocument()
    const home = within(list).getByRole('listitem', { name: 'Ada Lovelace, 12 Analytical Street' })
    expect(within(home).queryByText('Default')).not.toBeInTheDocument()
    expect(within(home).getByRole('button', { name: 'Make Ada Lovelace, 12 Analytical Street the default' })).toBeEnabled()
  })

  it('deletes an address only after it is confirmed', async () => {
    const { calls } = serveAddressBook()
    const user = userEvent.setup()
    renderAddresses()

    const list = await screen.findByRole('list', { name: 'Addresses' })
    await user.click(within(list).getByRole('button', { name: 'Delete Ada Lovelace, 1 Engine Yard' }))
    let dialog = await screen.findByRole('dialog', { name: 'Delete this address?' })
    expect(within(dialog).getByText('EC1A 1BB London')).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(calls.deleted).toEqual([])

    await user.click(within(list).getByRole('button', { name: 'Delete Ada Lovelace, 1 Engine Yard' }))
    dialog = await screen.findByRole('dialog', { name: 'Delete this address?' })
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }))

    await waitFor(() => expect(calls.deleted).toEqual(['addr-office']))
    // While a dialog is open the page behind it is hidden from the accessibility tree.
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    await waitFor(() =>
      expect(within(list).queryByRole('listitem', { name: 'Ada Lovelace, 1 Engine Yard' })).not.toBeInTheDocument(),
    )
    expect(within(list).getByRole('listitem', { name: 'Ada Lovelace, 12 Analytical Street' })).toBeInTheDocument()
  })
})
