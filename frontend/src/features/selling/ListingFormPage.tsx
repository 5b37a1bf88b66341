import AddIcon from '@mui/icons-material/Add'
import DeleteIcon from '@mui/icons-material/Delete'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Checkbox from '@mui/material/Checkbox'
import FormControl from '@mui/material/FormControl'
import FormControlLabel from '@mui/material/FormControlLabel'
import FormGroup from '@mui/material/FormGroup'
import FormHelperText from '@mui/material/FormHelperText'
import FormLabel from '@mui/material/FormLabel'
import IconButton from '@mui/material/IconButton'
import InputAdornment from '@mui/material/InputAdornment'
import Link from '@mui/material/Link'
import Paper from '@mui/material/Paper'
import Radio from '@mui/material/Radio'
import RadioGroup from '@mui/material/RadioGroup'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { useId, useMemo, useState, type FormEvent, type ReactNode } from 'react'
import { Link as RouterLink, useLocation, useNavigate, useParams } from 'react-router'

import {
  useCreateProductMutation,
  useGetCategoriesQuery,
  useGetListingFormQuery,
  useGetProductQuery,
  useUpdateProductMutation,
} from '../../api/catalog'
import { CONDITIONS, PRODUCT_VISIBILITIES, type Category, type ProductDetail } from '../../api/types'
import { CONDITION_LABELS } from '../../components/ConditionChip'
import { ErrorState } from '../../components/ErrorState'
import { LoadingState } from '../../components/LoadingState'
import { FormAlert } from '../auth/FormAlert'
import { useFocusAfterRender, useFormErrors } from '../auth/formErrors'
import { buildCategoryTree, type CategoryNode } from '../catalog/categoryTree'
import { CONDITION_EXPLANATIONS, VISIBILITY_EXPLANATIONS, VISIBILITY_LABELS } from '../catalog/listingLabels'
import { productPath } from '../catalog/ProductCard'
import {
  checkDraft,
  CURRENCIES,
  draftOf,
  emptyDraft,
  fieldOrder,
  newOptionKey,
  SHIPPING_FIELDS,
  type ListingDraft,
  type ShippingField,
} from './listingDraft'
import { ListingImages } from './ListingImages'
import { editListingPath } from './MyListingsPage'
import { PriceGuideBox } from './PriceGuideBox'
import { RequireStore } from './RequireStore'
import { SpecFieldInput } from './SpecFieldInput'

/** Problems that name no field but belong to one. */
const FIELD_OF_CODE = { 'stolen-device': 'serial_number' }

const SHIPPING_LABELS: Record<ShippingField, { label: string; unit: string }> = {
  weight_grams: { label: 'Weight', unit: 'g' },
  length_mm: { label: 'Length', unit: 'mm' },
  width_mm: { label: 'Width', unit: 'mm' },
  height_mm: { label: 'Height', unit: 'mm' },
}

/** `/selling/new`: a new listing; once created, the page becomes its edit page (for photos). */
export function NewListingPage() {
  return (
    <RequireStore>
      <ListingEditor product={null} />
    </RequireStore>
  )
}

/** `/selling/:id/edit`: the listing's fields and its photos. */
export function EditListingPage() {
  return (
    <RequireStore>
      <EditListing />
    </RequireStore>
  )
}

function EditListing() {
  const { id = '' } = useParams()
  const { data: product, isLoading, isError, error, refetch } = useGetProductQuery(id)
  if (isLoading) return <LoadingState label="Loading your listing" variant="page" />
  if (isError || !product) {
    return (
      <div className="flex flex-col gap-4">
        <ErrorState error={error} onRetry={() => void refetch()} />
        <Link component={RouterLink} to="/selling">
          Back to my listings
        </Link>
      </div>
    )
  }
  return <ListingEditor key={product.id} product={product} />
}

type CategoryGroup = { label: string | null; options: Category[] }

/** The categories a listing can go in (those without subcategories), grouped by top-level category. */
function leafCategoryGroups(categories: readonly Category[], currentId: string): CategoryGroup[] {
  const leaves = (node: CategoryNode): CategoryNode[] =>
    node.children.length === 0 ? [node] : node.children.flatMap(leaves)
  const groups: CategoryGroup[] = buildCategoryTree(categories).map((top) =>
    top.children.length === 0 ? { label: null, options: [top] } : { label: top.name, options: leaves(top) },
  )
  const listed = groups.some((group) => group.options.some((option) => option.id === currentId))
  const current = categories.find((category) => category.id === currentId)
  // A listing saved in a category that has since gained subcategories keeps it selectable.
  if (current && !listed) groups.unshift({ label: null, options: [current] })
  return groups
}

function FormSection({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  const headingId = useId()
  return (
    <Paper variant="outlined" component="section" aria-labelledby={headingId} className="flex flex-col gap-4 p-4 sm:p-6">
      <div className="flex flex-col gap-1">
        <Typography id={headingId} variant="h2" className="text-xl">
          {title}
        </Typography>
        {description && (
          <Typography variant="body2" color="text.secondary">
            {description}
          </Typography>
        )}
      </div>
      {children}
    </Paper>
  )
}

function ListingEditor({ product }: { product: ProductDetail | null }) {
  const navigate = useNavigate()
  const location = useLocation()
  const justCreated = (location.state as { created?: boolean } | null)?.created === true
  const [draft, setDraft] = useState<ListingDraft>(() => (product ? draftOf(product) : emptyDraft()))
  const [saved, setSaved] = useState<string | null>(justCreated ? 'Your listing is created. Now add its photos.' : null)
  const categories = useGetCategoriesQuery()
  const groups = useMemo(
    () => leafCategoryGroups(categories.data ?? [], draft.category_id),
    [categories.data, draft.category_id],
  )
  const slug = categories.data?.find((category) => category.id === draft.category_id)?.slug
  const listingForm = useGetListingFormQuery(slug ?? '', { skip: slug === undefined })
  const schema = slug === undefined ? undefined : listingForm.data
  const fields = useMemo(() => fieldOrder(draft.options.length, schema), [draft.options.length, schema])
  const form = useFormErrors(fields, { nested: true, fieldOfCode: FIELD_OF_CODE })
  const [createProduct, createState] = useCreateProductMutation()
  const [updateProduct, updateState] = useUpdateProductMutation()
  const saving = createState.isLoading || updateState.isLoading
  const baseId = useId()
  const focusLater = useFocusAfterRender()

  const set = <Key extends keyof ListingDraft>(key: Key, value: ListingDraft[Key]) =>
    setDraft((current) => ({ ...current, [key]: value }))
  const text = (field: 'title' | 'brand' | 'model' | 'description' | 'cosmetic_notes' | 'serial_number' | 'location', helperText?: string) => ({
    ...form.fieldProps(field, helperText),
    value: draft[field],
    onChange: (event: { target: { value: string } }) => set(field, event.target.value),
    fullWidth: true,
  })
  const errorOf = (field: string) => form.fieldErrors[field]

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const { body, errors } = checkDraft(draft, schema)
    if (slug !== undefined && !schema) {
      ;(errors.category_id ??= []).push('The fields of this category could not be loaded yet. Try again in a moment.')
    }
    if (Object.keys(errors).length > 0) {
      form.show(errors, { title: 'Some fields need your attention', detail: 'They are marked below.' })
      return
    }
    form.clear()
    setSaved(null)
    try {
      if (product === null) {
        const created = await createProduct(body).unwrap()
        void navigate(editListingPath(created.id), { state: { created: true } })
      } else {
        await updateProduct({ id: product.id, changes: body }).unwrap()
        set('serial_number', '')
        setSaved('Your changes are saved.')
      }
    } catch (error) {
      form.showProblem(error)
    }
  }

  const updateOption = (key: string, changes: Partial<ListingDraft['options'][number]>) =>
    set(
      'options',
      draft.options.map((option) => (option.key === key ? { ...option, ...changes } : option)),
    )

  const conditionError = errorOf('condition')
  const visibilityError = errorOf('visibility')

  return (
    <div className="flex flex-col gap-4">
      <title>{`${product ? 'Edit listing' : 'New listing'} · TechMarket`}</title>
      <div className="flex flex-col gap-1">
        <Link component={RouterLink} to="/selling" variant="body2">
          ‹ My listings
        </Link>
        <Typography variant="h1">{product ? 'Edit listing' : 'New listing'}</Typography>
        {product && (
          <Typography color="text.secondary">
            {product.title} ·{' '}
            <Link component={RouterLink} to={productPath(product.id)}>
              View listing
            </Link>
          </Typography>
        )}
      </div>
      {saved && (
        <Alert severity="success" role="status" onClose={() => setSaved(null)}>
          {saved}
        </Alert>
      )}
      <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-4" aria-label={product ? 'Edit listing' : 'New listing'}>
        <FormAlert id={form.alertId} message={form.alert} />

        <FormSection title="Category" description="Where buyers will find the item. The category decides which details we ask for.">
          <TextField
            {...form.fieldProps('category_id')}
            select
            required
            label="Category"
            value={draft.category_id}
            onChange={(event) => set('category_id', event.target.value)}
            slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
            className="sm:max-w-md"
            disabled={categories.isLoading}
          >
            <option value="">{categories.isLoading ? 'Loading categories…' : 'Choose a category…'}</option>
            {groups.map((group) =>
              group.label === null ? (
                group.options.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.name}
                  </option>
                ))
              ) : (
                <optgroup key={group.label} label={group.label}>
                  {group.options.map((option) => (
                    <option key={option.id} value={option.id}>
                      {option.name}
                    </option>
                  ))}
                </optgroup>
              ),
            )}
          </TextField>
          {categories.isError && <ErrorState error={categories.error} onRetry={() => void categories.refetch()} />}
        </FormSection>

        {slug !== undefined && (
          <FormSection title="Specifications" description="Buyers filter and compare listings by these. Fields marked * are required.">
            {listingForm.isFetching && !schema ? (
              <LoadingState label="Loading the fields of this category" variant="list" count={3} />
            ) : listingForm.isError ? (
              <ErrorState error={listingForm.error} onRetry={() => void listingForm.refetch()} />
            ) : schema && schema.fields.length > 0 ? (
              <div className="grid gap-4 sm:grid-cols-2">
                {schema.fields.map((field) => (
                  <SpecFieldInput
                    key={field.name}
                    field={field}
                    value={draft.specs[field.name]}
                    onChange={(value) => set('specs', { ...draft.specs, [field.name]: value })}
                    fieldProps={form.fieldProps(`specs.${field.name}`)}
                  />
                ))}
              </div>
            ) : (
              <Typography>This category has no specific fields.</Typography>
            )}
          </FormSection>
        )}

        <FormSection title="About the item">
          <TextField
            {...text('title', 'What buyers see first, such as “iPhone 13 mini 128 GB, blue”.')}
            label="Title"
            required
            slotProps={{ htmlInput: { maxLength: 200 } }}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField {...text('brand')} label="Brand" required slotProps={{ htmlInput: { maxLength: 80 } }} />
            <TextField {...text('model')} label="Model" slotProps={{ htmlInput: { maxLength: 120 } }} />
          </div>
          <TextField
            {...text('description', 'What is included, its history, why you sell it.')}
            label="Description"
            multiline
            minRows={4}
            slotProps={{ htmlInput: { maxLength: 10000 } }}
          />
        </FormSection>

        <FormSection title="Condition">
          <FormControl component="fieldset" error={conditionError !== undefined} required>
            <FormLabel component="legend">Grade</FormLabel>
            <RadioGroup
              id={form.idOf('condition')}
              tabIndex={-1}
              value={draft.condition}
              onChange={(event) => set('condition', event.target.value as ListingDraft['condition'])}
              aria-describedby={conditionError ? `${baseId}-condition-error` : undefined}
              className="mt-1 gap-1"
            >
              {CONDITIONS.map((condition) => (
                <div key={condition}>
                  <FormControlLabel
                    value={condition}
                    control={
                      <Radio slotProps={{ input: { 'aria-describedby': `${baseId}-condition-${condition}` } }} />
                    }
                    label={CONDITION_LABELS[condition]}
                  />
                  <Typography id={`${baseId}-condition-${condition}`} variant="body2" color="text.secondary" className="-mt-2 pl-8">
                    {CONDITION_EXPLANATIONS[condition]}
                  </Typography>
                </div>
              ))}
            </RadioGroup>
            {conditionError && <FormHelperText id={`${baseId}-condition-error`}>{conditionError.join(' ')}</FormHelperText>}
          </FormControl>
          <TextField
            {...text('cosmetic_notes', 'Scratches, dents, marks: where and how visible. Optional.')}
            label="Cosmetic notes"
            multiline
            minRows={2}
            slotProps={{ htmlInput: { maxLength: 2000 } }}
          />
          {schema && schema.checklist.length > 0 && (
            <FormControl component="fieldset">
              <FormLabel component="legend">Functional checks</FormLabel>
              <FormHelperText className="mx-0">
                Tick each check the item passes. Buyers see unticked checks as not passed.
              </FormHelperText>
              <FormGroup>
                {schema.checklist.map((item) => {
                  const path = `checklist.${item.key}`
                  const messages = errorOf(path)
                  return (
                    <div key={item.key}>
                      <FormControlLabel
                        label={item.label}
                        control={
                          <Checkbox
                            checked={draft.checklist[item.key] ?? false}
                            onChange={(event) => set('checklist', { ...draft.checklist, [item.key]: event.target.checked })}
                            slotProps={{
                              input: {
                                id: form.idOf(path),
                                'aria-invalid': messages ? true : undefined,
                                'aria-describedby': messages ? `${form.idOf(path)}-error` : undefined,
                              },
                            }}
                          />
                        }
                      />
                      {messages && (
                        <FormHelperText error id={`${form.idOf(path)}-error`} className="-mt-1 ml-8">
                          {messages.join(' ')}
                        </FormHelperText>
                      )}
                    </div>
                  )
                })}
              </FormGroup>
            </FormControl>
          )}
        </FormSection>

        <FormSection
          title="Serial number or IMEI"
          description="Optional, and it builds trust. We store it hashed, never readable; buyers see only its last four characters; and we check it against registers of stolen devices."
        >
          <TextField
            {...text(
              'serial_number',
              product?.device
                ? `On file: ${product.device.serial_masked}. Leave empty to keep it, or enter a new one to replace it.`
                : 'The 15-digit IMEI (dial *#06# on a phone) or the serial number on the label.',
            )}
            label="Serial number or IMEI"
            autoComplete="off"
            slotProps={{ htmlInput: { maxLength: 30, spellCheck: false } }}
            className="sm:max-w-md"
          />
        </FormSection>

        <FormSection title="Price and stock">
          <div className="grid gap-4 md:grid-cols-2">
            <div className="flex flex-col gap-4">
              <div className="flex gap-3">
                <TextField
                  {...form.fieldProps('price', `What buyers pay, in ${draft.currency}.`)}
                  label="Price"
                  required
                  value={draft.price}
                  onChange={(event) => set('price', event.target.value)}
                  slotProps={{
                    htmlInput: { inputMode: 'decimal' },
                    input: { endAdornment: <InputAdornment position="end">{draft.currency}</InputAdornment> },
                  }}
                  className="flex-1"
                />
                <TextField
                  {...form.fieldProps('currency')}
                  select
                  label="Currency"
                  value={draft.currency}
                  onChange={(event) => set('currency', event.target.value)}
                  slotProps={{ select: { native: true } }}
                  className="w-32"
                >
                  {CURRENCIES.map((currency) => (
                    <option key={currency} value={currency}>
                      {currency}
                    </option>
                  ))}
                </TextField>
              </div>
              <TextField
                {...form.fieldProps('quantity', 'How many you have to sell.')}
                label="Quantity"
                type="number"
                required
                value={draft.quantity}
                onChange={(event) => set('quantity', event.target.value)}
                slotProps={{ htmlInput: { min: 0, max: 100000, step: 1, inputMode: 'numeric' } }}
                className="sm:max-w-48"
              />
            </div>
            <PriceGuideBox brand={draft.brand} model={draft.model} condition={draft.condition} currency={draft.currency} />
          </div>
        </FormSection>

        <FormSection
          title="Options"
          description="Variants with their own price and stock, such as storage sizes or colours. Optional."
        >
          {draft.options.length > 0 && (
            <ol className="m-0 flex list-none flex-col gap-3 p-0">
              {draft.options.map((option, index) => (
                <li key={option.key}>
                  <fieldset className="m-0 flex flex-col gap-3 rounded-lg border border-solid border-slate-200 p-3 sm:flex-row sm:items-start">
                    <legend className="px-1 text-sm font-semibold">Option {index + 1}</legend>
                    <TextField
                      {...form.fieldProps(`options.${index}.name`)}
                      label="Name"
                      required
                      value={option.name}
                      onChange={(event) => updateOption(option.key, { name: event.target.value })}
                      slotProps={{ htmlInput: { maxLength: 120 } }}
                      className="sm:flex-1"
                    />
                    <TextField
                      {...form.fieldProps(`options.${index}.price`)}
                      label="Price"
                      required
                      value={option.price}
                      onChange={(event) => updateOption(option.key, { price: event.target.value })}
                      slotProps={{
                        htmlInput: { inputMode: 'decimal' },
                        input: { endAdornment: <InputAdornment position="end">{draft.currency}</InputAdornment> },
                      }}
                      className="sm:w-40"
                    />
                    <TextField
                      {...form.fieldProps(`options.${index}.quantity`)}
                      label="Stock"
                      type="number"
                      required
                      value={option.quantity}
                      onChange={(event) => updateOption(option.key, { quantity: event.target.value })}
                      slotProps={{ htmlInput: { min: 0, step: 1, inputMode: 'numeric' } }}
                      className="sm:w-28"
                    />
                    <IconButton
                      aria-label={`Remove option ${index + 1}`}
                      onClick={() => {
                        set('options', draft.options.filter((entry) => entry.key !== option.key))
                        focusLater(`${baseId}-add-option`)
                      }}
                      className="self-end sm:self-center"
                    >
                      <DeleteIcon />
                    </IconButton>
                  </fieldset>
                </li>
              ))}
            </ol>
          )}
          <div>
            <Button
              id={`${baseId}-add-option`}
              variant="outlined"
              startIcon={<AddIcon />}
              onClick={() => {
                set('options', [...draft.options, { key: newOptionKey(), name: '', price: draft.price, quantity: '1' }])
                focusLater(form.idOf(`options.${draft.options.length}.name`))
              }}
            >
              Add option
            </Button>
          </div>
        </FormSection>

        <FormSection title="Visibility">
          <FormControl component="fieldset" error={visibilityError !== undefined}>
            <FormLabel component="legend">Who can see this listing</FormLabel>
            <RadioGroup
              id={form.idOf('visibility')}
              tabIndex={-1}
              value={draft.visibility}
              onChange={(event) => set('visibility', event.target.value as ListingDraft['visibility'])}
              className="mt-1 gap-1"
            >
              {PRODUCT_VISIBILITIES.map((visibility) => (
                <div key={visibility}>
                  <FormControlLabel
                    value={visibility}
                    control={
                      <Radio slotProps={{ input: { 'aria-describedby': `${baseId}-visibility-${visibility}` } }} />
                    }
                    label={VISIBILITY_LABELS[visibility]}
                  />
                  <Typography id={`${baseId}-visibility-${visibility}`} variant="body2" color="text.secondary" className="-mt-2 pl-8">
                    {VISIBILITY_EXPLANATIONS[visibility]}
                  </Typography>
                </div>
              ))}
            </RadioGroup>
            {visibilityError && <FormHelperText>{visibilityError.join(' ')}</FormHelperText>}
          </FormControl>
        </FormSection>

        <FormSection title="Shipping" description="The packed parcel, for shipping quotes. Optional: fill in all four, or none.">
          <div className="grid grid-cols-2 gap-4 sm:grid-cols-4">
            {SHIPPING_FIELDS.map((field) => (
              <TextField
                key={field}
                {...form.fieldProps(`shipping.${field}`)}
                label={SHIPPING_LABELS[field].label}
                type="number"
                value={draft.shipping[field]}
                onChange={(event) => set('shipping', { ...draft.shipping, [field]: event.target.value })}
                slotProps={{
                  htmlInput: { min: 1, step: 1, inputMode: 'numeric' },
                  input: { endAdornment: <InputAdornment position="end">{SHIPPING_LABELS[field].unit}</InputAdornment> },
                }}
              />
            ))}
          </div>
          <TextField
            {...text('location', 'Where the item ships from, such as “Berlin, DE”. Optional.')}
            label="Location"
            slotProps={{ htmlInput: { maxLength: 120 } }}
            className="sm:max-w-md"
          />
        </FormSection>

        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="contained" size="large" disabled={saving}>
            {saving ? 'Saving…' : product ? 'Save changes' : 'Create listing'}
          </Button>
          <Button component={RouterLink} to="/selling" size="large">
            Cancel
          </Button>
        </div>
      </form>

      {product ? (
        <ListingImages product={product} />
      ) : (
        <FormSection title="Photos">
          <Typography>You can add photos once the listing is created.</Typography>
        </FormSection>
      )}
    </div>
  )
}
