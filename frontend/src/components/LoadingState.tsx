import Skeleton from '@mui/material/Skeleton'

import { productGridClassName } from './productGridClassName'

type LoadingStateProps = {
  /** What is loading, read out by screen readers ("Loading featured products"). */
  label: string
  /**
   * `cards`: a grid of product card placeholders; `page`: a detail page placeholder;
   * `list`: `count` rows of a short list (contacts, links).
   */
  variant?: 'cards' | 'page' | 'list'
  count?: number
}

export function LoadingState({ label, variant = 'cards', count = 4 }: LoadingStateProps) {
  return (
    <div role="status" aria-label={label} aria-busy="true">
      {variant === 'cards' ? (
        <div className={productGridClassName}>
          {Array.from({ length: count }, (_, index) => (
            <div key={index}>
              <Skeleton variant="rounded" className="aspect-[4/3] w-full" />
              <Skeleton width="80%" />
              <Skeleton width="40%" />
            </div>
          ))}
        </div>
      ) : variant === 'list' ? (
        <div className="flex flex-col gap-2">
          {Array.from({ length: count }, (_, index) => (
            <Skeleton key={index} variant="rounded" height={40} />
          ))}
        </div>
      ) : (
        <div className="grid gap-6 md:grid-cols-2">
          <Skeleton variant="rounded" className="aspect-[4/3] w-full" />
          <div>
            <Skeleton variant="text" height={48} />
            <Skeleton width="30%" height={36} />
            <Skeleton width="60%" />
            <Skeleton variant="rounded" height={120} className="mt-4" />
          </div>
        </div>
      )}
    </div>
  )
}
