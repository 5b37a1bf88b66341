import Breadcrumbs from '@mui/material/Breadcrumbs'
import Chip from '@mui/material/Chip'
import Divider from '@mui/material/Divider'
import Link from '@mui/material/Link'
import Typography from '@mui/material/Typography'
import { useState } from 'react'
import { Link as RouterLink, useParams } from 'react-router'

import { useGetProductQuery } from '../../api/catalog'
import type { ProductDetail, ProductStatus } from '../../api/types'
import { ConditionChip } from '../../components/ConditionChip'
import { ErrorState } from '../../components/ErrorState'
import { LoadingState } from '../../components/LoadingState'
import { Price } from '../../components/Price'
import { useAppSelector } from '../../app/hooks'
import { selectIsSignedIn } from '../auth/authSlice'
import { useMe } from '../auth/session'
import { AddToCart, OwnListingNote } from '../cart/AddToCart'
import { CompareToggle } from '../compare/CompareToggle'
import { MakeOffer } from '../offers/MakeOffer'
import { WatchButton } from '../watchlist/WatchButton'
import { ConditionSection } from './ConditionSection'
import { ImageGallery } from './ImageGallery'
import { deviceLine, shippingText } from './productFacts'
import { firstAvailableOption, ProductOptions } from './ProductOptions'
import { ProductPriceGuide } from './ProductPriceGuide'
import { RelatedListings } from './RelatedListings'
import { SpecificationsTable, SpecsTable } from './SpecsTable'

const STATUS_LABELS: Record<Exclude<ProductStatus, 'active'>, string> = {
  reserved: 'Reserved',
  sold_out: 'Sold out',
  removed: 'No longer listed',
}

export function ProductPage() {
  const { id = '' } = useParams()
  const { data: product, isLoading, isError, error, refetch } = useGetProductQuery(id)

  if (isLoading) return <LoadingState label="Loading listing" variant="page" />
  if (isError || !product) {
    return (
      <div className="flex flex-col gap-4">
        <ErrorState error={error} onRetry={() => void refetch()} />
        <Link component={RouterLink} to="/">
          Back to the home page
        </Link>
      </div>
    )
  }
  return <ProductDetails product={product} />
}

function ProductDetails({ product }: { product: ProductDetail }) {
  const images = product.images.length > 0 ? product.images : product.image ? [product.image] : []
  const signedIn = useAppSelector(selectIsSignedIn)
  const { data: me, isLoading: meLoading } = useMe()
  const [optionId, setOptionId] = useState(() => firstAvailableOption(product.options))
  const option = product.options.find((entry) => entry.id === optionId) ?? null
  const ownListing = signedIn && me?.dealer_id != null && me.dealer_id === product.seller.id
  // Until the account is known, a signed-in visitor might be the seller: buying controls wait.
  const ownerKnown = !signedIn || !meLoading
  return (
    <article className="flex flex-col gap-6">
      <title>{`${product.title} · TechMarket`}</title>
      <Breadcrumbs aria-label="Breadcrumb">
        <Link component={RouterLink} to="/" color="inherit">
          Home
        </Link>
        <Link component={RouterLink} to={`/categories/${encodeURIComponent(product.category.slug)}`} color="inherit">
          {product.category.name}
        </Link>
        <Typography color="text.primary" className="line-clamp-1">
          {product.title}
        </Typography>
      </Breadcrumbs>
      <div className="grid gap-8 md:grid-cols-2">
        <ImageGallery images={images} title={product.title} />
        <div className="flex flex-col gap-4">
          <div>
            <Typography variant="h1">{product.title}</Typography>
            <Typography color="text.secondary">
              {product.brand} · {product.model}
            </Typography>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <Price amount={product.price} currency={product.currency} variant="h2" component="p" />
            <ConditionChip condition={product.condition} size="medium" />
            {product.status !== 'active' && <Chip label={STATUS_LABELS[product.status]} color="warning" />}
          </div>
          <dl className="m-0 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="text-slate-600">Seller</dt>
            <dd className="m-0 font-semibold">{product.seller.store_name}</dd>
            {product.location && (
              <>
                <dt className="text-slate-600">Location</dt>
                <dd className="m-0">{product.location}</dd>
              </>
            )}
            <dt className="text-slate-600">Available</dt>
            <dd className="m-0">{product.quantity > 0 ? `${product.quantity} available` : 'None available'}</dd>
            {product.device && (
              <>
                <dt className="text-slate-600">Device</dt>
                <dd className="m-0">{deviceLine(product.device)}</dd>
              </>
            )}
            {product.shipping && (
              <>
                <dt className="text-slate-600">Parcel</dt>
                <dd className="m-0">{shippingText(product.shipping)}</dd>
              </>
            )}
          </dl>
          <ProductOptions options={product.options} currency={product.currency} value={optionId} onChange={setOptionId} />
          {ownListing ? (
            <OwnListingNote productId={product.id} />
          ) : (
            ownerKnown && (
              <div className="flex flex-col gap-3">
                <AddToCart product={product} option={option} />
                {product.status === 'active' && <MakeOffer product={product} option={option} />}
              </div>
            )
          )}
          <div className="flex flex-wrap items-start gap-3">
            <WatchButton productId={product.id} />
            <CompareToggle productId={product.id} />
          </div>
          <ProductPriceGuide product={product} />
        </div>
      </div>
      <Divider />
      <div className="grid gap-8 md:grid-cols-2">
        <div className="flex flex-col gap-8">
          <section aria-labelledby="product-description-heading">
            <Typography id="product-description-heading" variant="h3" component="h2" gutterBottom>
              Description
            </Typography>
            <Typography className="whitespace-pre-line">{product.description}</Typography>
          </section>
          <ConditionSection product={product} />
        </div>
        {product.specifications?.length ? (
          <SpecificationsTable specifications={product.specifications} />
        ) : (
          <SpecsTable specs={product.specs} />
        )}
      </div>
      <RelatedListings productId={product.id} />
    </article>
  )
}
