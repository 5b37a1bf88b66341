import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { productSummary } from '../../test/fixtures'
import { renderWithProviders } from '../../test/renderWithProviders'
import { ProductCard } from './ProductCard'

describe('ProductCard', () => {
  it('shows the price formatted from minor units in the currency', () => {
    renderWithProviders(<ProductCard product={productSummary({ price: 129900, currency: 'EUR' })} />)

    const expected = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR' }).format(1299)
    expect(screen.getByText(expected)).toBeInTheDocument()
    // Not the raw minor-unit amount.
    expect(screen.queryByText(/129[,.]?900/)).not.toBeInTheDocument()
  })

  it('links to the product page and shows a lazy image with the title as alt text', () => {
    const product = productSummary()
    renderWithProviders(<ProductCard product={product} />)

    expect(screen.getByRole('link')).toHaveAttribute('href', `/products/${product.id}`)
    const image = screen.getByRole('img', { name: product.title })
    expect(image).toHaveAttribute('src', '/media/products/p1/a-card.webp')
    expect(image).toHaveAttribute('loading', 'lazy')
  })

  it('shows the condition label, the seller and the location', () => {
    renderWithProviders(<ProductCard product={productSummary({ condition: 'for_parts' })} />)

    expect(screen.getByText('For parts')).toBeInTheDocument()
    expect(screen.getByText('Nordic Phones · Berlin, DE')).toBeInTheDocument()
  })

  it('stands in a placeholder when the listing has no photo', () => {
    renderWithProviders(<ProductCard product={productSummary({ image: null, title: 'Old router' })} />)

    expect(screen.getByRole('img', { name: 'Old router: no photo yet' })).toBeInTheDocument()
  })
})
