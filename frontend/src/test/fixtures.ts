import type { Category, ProductDetail, ProductPage, ProductSummary } from '../api/types'

/** Sample catalogue data in the API's wire format, shared by the tests. */

export const categories: Category[] = [
  // Deliberately out of order: the UI must sort by `position`.
  { id: 'c-laptops', slug: 'laptops', name: 'Laptops', parent_id: null, position: 2 },
  { id: 'c-phones', slug: 'phones', name: 'Phones', parent_id: null, position: 1 },
  { id: 'c-android', slug: 'android-phones', name: 'Android phones', parent_id: 'c-phones', position: 2 },
  { id: 'c-iphones', slug: 'iphones', name: 'iPhones', parent_id: 'c-phones', position: 1 },
  { id: 'c-gaming', slug: 'gaming-laptops', name: 'Gaming laptops', parent_id: 'c-laptops', position: 1 },
]

export function productSummary(overrides: Partial<ProductSummary> = {}): ProductSummary {
  return {
    id: '0b7c4f7e-7a8e-4c52-9d2c-1f0e6c1d0a11',
    title: 'iPhone 15 Pro 256 GB',
    brand: 'Apple',
    model: 'iPhone 15 Pro',
    condition: 'like_new',
    price: 129900,
    currency: 'EUR',
    image: {
      thumbnail_url: '/media/products/p1/a-thumb.webp',
      card_url: '/media/products/p1/a-card.webp',
      full_url: '/media/products/p1/a-full.webp',
    },
    seller: { id: 's1', store_name: 'Nordic Phones' },
    category: { id: 'c-iphones', slug: 'iphones', name: 'iPhones' },
    featured: true,
    location: 'Berlin, DE',
    created_at: '2025-11-20T09:30:00Z',
    ...overrides,
  }
}

export const featuredProducts: ProductSummary[] = [
  productSummary(),
  productSummary({
    id: '5d1c2b7a-2f0e-4b8f-8a36-0c9b1c2d3e44',
    title: 'ThinkPad X1 Carbon Gen 11',
    brand: 'Lenovo',
    model: 'X1 Carbon Gen 11',
    condition: 'good',
    price: 89000,
    seller: { id: 's2', store_name: 'Laptop Corner' },
    category: { id: 'c-laptops', slug: 'laptops', name: 'Laptops' },
  }),
]

export const newestPage: ProductPage = {
  items: [
    productSummary({
      id: '9a8b7c6d-0000-4000-8000-000000000001',
      title: 'Pixel 8 128 GB',
      brand: 'Google',
      model: 'Pixel 8',
      condition: 'fair',
      price: 39900,
      featured: false,
      image: null,
    }),
  ],
  next_cursor: null,
  facets: { brand: [], condition: [], category: [] },
}

export const productDetail: ProductDetail = {
  ...productSummary(),
  description: 'Bought in March, always in a case.\nBattery health 96%.',
  specs: { storage_gb: 256, colour: 'Natural titanium', dual_sim: true, screen_size_in: 6.1 },
  options: [
    { id: 'o1', name: '256 GB, Natural titanium', price: 129900, quantity: 2 },
    { id: 'o2', name: '512 GB, Black titanium', price: 149900, quantity: 0 },
  ],
  images: [
    {
      thumbnail_url: '/media/products/p1/a-thumb.webp',
      card_url: '/media/products/p1/a-card.webp',
      full_url: '/media/products/p1/a-full.webp',
    },
    {
      thumbnail_url: '/media/products/p1/b-thumb.webp',
      card_url: '/media/products/p1/b-card.webp',
      full_url: '/media/products/p1/b-full.webp',
    },
  ],
  quantity: 2,
  status: 'active',
  visibility: 'public',
  updated_at: '2025-11-21T10:00:00Z',
}
