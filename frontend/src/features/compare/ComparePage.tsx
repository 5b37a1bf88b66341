import CloseIcon from '@mui/icons-material/Close'
import ImageNotSupportedIcon from '@mui/icons-material/ImageNotSupported'
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import FormControlLabel from '@mui/material/FormControlLabel'
import Link from '@mui/material/Link'
import Paper from '@mui/material/Paper'
import Switch from '@mui/material/Switch'
import Typography from '@mui/material/Typography'
import { useMemo, useState } from 'react'
import { Link as RouterLink, useSearchParams } from 'react-router'

import { useCompareProductsQuery } from '../../api/catalog'
import type { CompareRow, ProductSummary, SpecValue } from '../../api/types'
import { useAppDispatch, useAppSelector } from '../../app/hooks'
import { CONDITION_LABELS } from '../../components/ConditionChip'
import { ErrorState } from '../../components/ErrorState'
import { LoadingState } from '../../components/LoadingState'
import { formatPrice } from '../../components/Price'
import { productPath } from '../catalog/ProductCard'
import { formatSpecification } from '../catalog/SpecsTable'
import { compareRemoved, MAX_COMPARE, selectCompareIds } from './compareSlice'
import { compareIdsFromUrl, comparePath } from './compareUrl'

type Row = { name: string; label: string; unit: string | null; cells: string[]; missing: boolean[]; differs: boolean }

function cellsOf(values: readonly (SpecValue | null)[], unit: string | null) {
  return { cells: values.map((value) => formatSpecification(value, unit)), missing: values.map((value) => value === null) }
}

/** The rows the table shows: price and condition from the listings, then the server's spec rows. */
function tableRows(items: readonly ProductSummary[], rows: readonly CompareRow[]): Row[] {
  const differs = (cells: string[]) => new Set(cells).size > 1
  const price = items.map((item) => formatPrice(item.price, item.currency))
  const condition = items.map((item) => CONDITION_LABELS[item.condition])
  return [
    { name: 'price', label: 'Price', unit: null, cells: price, missing: price.map(() => false), differs: differs(price) },
    { name: 'condition', label: 'Condition', unit: null, cells: condition, missing: condition.map(() => false), differs: differs(condition) },
    ...rows.map((row) => ({ name: row.name, label: row.label, unit: row.unit, differs: row.differs, ...cellsOf(row.values, row.unit) })),
  ]
}

export function ComparePage() {
  const [searchParams, setSearchParams] = useSearchParams()
  const dispatch = useAppDispatch()
  const chosen = useAppSelector(selectCompareIds)
  const ids = compareIdsFromUrl(searchParams.get('ids'))
  const enough = ids.length >= 2
  const query = useCompareProductsQuery(ids, { skip: !enough })
  const [onlyDifferences, setOnlyDifferences] = useState(false)
  const data = enough ? query.data : undefined
  const rows = useMemo(() => (data ? tableRows(data.items, data.rows) : []), [data])
  const differing = rows.filter((row) => row.differs).length
  const shownRows = onlyDifferences ? rows.filter((row) => row.differs) : rows

  const remove = (id: string) => {
    dispatch(compareRemoved(id))
    const rest = ids.filter((existing) => existing !== id)
    setSearchParams(rest.length > 0 ? { ids: rest.join(',') } : {}, { replace: true })
  }

  return (
    <div className="flex flex-col gap-4">
      <title>Compare listings · TechMarket</title>
      <Typography variant="h1">Compare listings</Typography>
      {!enough ? (
        <Paper variant="outlined" className="flex flex-col items-start gap-3 p-6">
          <Typography>
            Choose at least two listings to compare: open a listing and press “Add to compare”. You can compare up to{' '}
            {MAX_COMPARE}.
          </Typography>
          <div className="flex flex-wrap gap-2">
            {chosen.length >= 2 && (
              <Button variant="contained" component={RouterLink} to={comparePath(chosen)}>
                Compare your {chosen.length} chosen listings
              </Button>
            )}
            <Button variant="outlined" component={RouterLink} to="/search">
              Browse listings
            </Button>
          </div>
        </Paper>
      ) : query.isLoading ? (
        <LoadingState label="Loading the comparison" variant="list" count={6} />
      ) : query.isError || !data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <Typography role="status">
              {differing === 0
                ? 'These listings are the same in every row.'
                : `${differing} of ${rows.length} rows differ; they are marked “Differs”.`}
            </Typography>
            <FormControlLabel
              control={<Switch checked={onlyDifferences} onChange={(event) => setOnlyDifferences(event.target.checked)} />}
              label="Show only differences"
            />
          </div>
          <Paper
            variant="outlined"
            className="overflow-x-auto"
            role="region"
            aria-label="Comparison table, scrolls sideways"
            tabIndex={0}
          >
            <table className="w-full border-collapse text-left">
              <caption className="sr-only">
                {data.items.length} listings side by side. Rows whose values differ are marked “Differs”.
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="sticky left-0 z-10 min-w-32 border-b border-solid border-slate-200 bg-white p-3 align-bottom sm:min-w-44">
                    <span className="sr-only">Specification</span>
                  </th>
                  {data.items.map((item) => (
                    <th key={item.id} scope="col" className="min-w-44 border-b border-solid border-slate-200 p-3 align-top font-normal sm:min-w-56">
                      <div className="flex flex-col gap-2">
                        {item.image ? (
                          <img src={item.image.card_url} alt="" loading="lazy" className="aspect-[4/3] w-full rounded bg-slate-100 object-cover" />
                        ) : (
                          <div aria-hidden className="flex aspect-[4/3] w-full items-center justify-center rounded bg-slate-100 text-slate-400">
                            <ImageNotSupportedIcon />
                          </div>
                        )}
                        <Link component={RouterLink} to={productPath(item.id)} className="font-semibold">
                          {item.title}
                        </Link>
                        <Button
                          size="small"
                          variant="text"
                          color="inherit"
                          startIcon={<CloseIcon />}
                          onClick={() => remove(item.id)}
                          aria-label={`Remove ${item.title} from the comparison`}
                          className="self-start"
                        >
                          Remove
                        </Button>
                      </div>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shownRows.map((row) => (
                  <tr key={row.name} className={row.differs ? 'bg-amber-50' : undefined}>
                    <th
                      scope="row"
                      className={`sticky left-0 z-10 border-b border-solid border-slate-200 p-3 align-top font-semibold ${row.differs ? 'bg-amber-50' : 'bg-white'}`}
                    >
                      <span className="block">{row.label}</span>
                      {row.differs && (
                        <Chip label="Differs" size="small" color="warning" variant="outlined" className="mt-1" />
                      )}
                    </th>
                    {row.cells.map((cell, index) => (
                      <td
                        key={data.items[index]?.id ?? index}
                        className={`border-b border-solid border-slate-200 p-3 align-top ${row.differs ? 'font-semibold' : ''}`}
                      >
                        {row.missing[index] ? (
                          <>
                            <span aria-hidden>—</span>
                            <span className="sr-only">Not given</span>
                          </>
                        ) : (
                          cell
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </Paper>
        </>
      )}
    </div>
  )
}
