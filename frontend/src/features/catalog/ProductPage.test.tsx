import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { formatPrice } from '../../components/Price'
import { productDetail } from '../../test/fixtures'
import { renderWithProviders } from '../../test/renderWithProviders'
import { ProductPage } from './ProductPage'

function renderProduct(id: string) {
  return renderWithProviders(<ProductPage />, { route: `/products/${id}`, path: '/products/:id' })
}

describe('ProductPage', () => {
  it('renders the specs table with readable keys and values', async () => {
    renderProduct(productDetail.id)

    const table = await screen.findByRole('table', { name: 'Specifications' })
    const rows = within(table).getAllByRole('row')
    expect(rows.map((row) => row.textContent)).toEqual([
      'Storage (GB)256',
      'ColourNatural titanium',
      'Dual SIMYes',
      'Screen size (in)6.1',
    ])
    expect(within(table).getByRole('rowheader', { name: 'Dual SIM' })).toBeInTheDocument()
  })

  it('shows the listing: title, price, condition, seller, options and quantity', async () => {
    renderProduct(productDetail.id)

    expect(await screen.findByRole('heading', { level: 1, name: productDetail.title })).toBeInTheDocument()
    expect(screen.getByText('Apple · iPhone 15 Pro')).toBeInTheDocument()
    expect(screen.getAllByText(formatPrice(129900, 'EUR')).length).toBeGreaterThan(0)
    expect(screen.getByText('Like new')).toBeInTheDocument()
    expect(screen.getByText('Nordic Phones')).toBeInTheDocument()
    expect(screen.getByText('2 available')).toBeInTheDocument()

    const options = screen.getByRole('region', { name: 'Options' })
    expect(within(options).getByText('512 GB, Black titanium')).toBeInTheDocument()
    expect(within(options).getByText('Out of stock')).toBeInTheDocument()
    expect(within(options).getByText(formatPrice(149900, 'EUR'))).toBeInTheDocument()
  })

  it('offers a disabled "Add to cart" that says the cart opens soon', async () => {
    renderProduct(productDetail.id)

    const button = await screen.findByRole('button', { name: 'Add to cart' })
    expect(button).toBeDisabled()
    expect(button).toHaveAccessibleDescription('Cart opens soon')
  })

  it('shows the full photo with the title as alt text and thumbnails to switch', async () => {
    renderProduct(productDetail.id)

    const photo = await screen.findByRole('img', { name: `${productDetail.title}, photo 1 of 2` })
    expect(photo).toHaveAttribute('src', '/media/products/p1/a-full.webp')
    screen.getByRole('button', { name: 'Show photo 2 of 2' }).click()
    expect(await screen.findByRole('img', { name: `${productDetail.title}, photo 2 of 2` })).toHaveAttribute(
      'src',
      '/media/products/p1/b-full.webp',
    )
  })

  it('shows the problem title of a 404', async () => {
    renderProduct('no-such-listing')

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Listing not found')
    expect(alert).toHaveTextContent('No listing has this id.')
  })
})
