import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import IconButton from '@mui/material/IconButton'
import Link from '@mui/material/Link'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { useState, type FormEvent } from 'react'

import { useAddSocialLinkMutation, useDeleteSocialLinkMutation, useGetSocialLinksQuery } from '../../api/account'
import { errorMessageOf, statusOf } from '../../api/problem'
import { SOCIAL_NETWORKS, type SocialLink, type SocialNetwork } from '../../api/types'
import { ErrorState } from '../../components/ErrorState'
import { LoadingState } from '../../components/LoadingState'
import { FormAlert } from '../auth/FormAlert'
import { useFormErrors } from '../auth/formErrors'
import { SectionCard } from './SectionCard'

export const NETWORK_LABELS: Record<SocialNetwork, string> = {
  github: 'GitHub',
  gitlab: 'GitLab',
  linkedin: 'LinkedIn',
  x: 'X',
  mastodon: 'Mastodon',
  youtube: 'YouTube',
  instagram: 'Instagram',
  facebook: 'Facebook',
}

const EXAMPLE_URLS: Record<SocialNetwork, string> = {
  github: 'https://github.com/yourname',
  gitlab: 'https://gitlab.com/yourname',
  linkedin: 'https://www.linkedin.com/in/yourname',
  x: 'https://x.com/yourname',
  mastodon: 'https://mastodon.social/@yourname',
  youtube: 'https://www.youtube.com/@yourname',
  instagram: 'https://www.instagram.com/yourname',
  facebook: 'https://www.facebook.com/yourname',
}

/** Only web addresses become links; the server checks them, this keeps anything else inert. */
const isWebUrl = (url: string) => /^https?:\/\//i.test(url)

const FIELDS = ['network', 'url'] as const

/** The user's profiles elsewhere, one per network, shown to people they deal with. */
export function SocialLinksSection() {
  const { data: links, isLoading, isError, error, refetch } = useGetSocialLinksQuery()
  const [addLink, addState] = useAddSocialLinkMutation()
  const [deleteLink, deleteState] = useDeleteSocialLinkMutation()
  const [chosen, setChosen] = useState<SocialNetwork | null>(null)
  const [url, setUrl] = useState('')
  const [failure, setFailure] = useState<string | null>(null)
  const form = useFormErrors(FIELDS)
  const used = new Set((links ?? []).map((link) => link.network))
  // Until the person picks one, the first network without a link yet.
  const network: SocialNetwork = chosen ?? SOCIAL_NETWORKS.find((entry) => !used.has(entry)) ?? 'github'

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!url.trim()) {
      form.show({ url: [`Enter the address of your ${NETWORK_LABELS[network]} profile.`] }, null)
      return
    }
    form.clear()
    setFailure(null)
    try {
      await addLink({ network, url: url.trim() }).unwrap()
      setUrl('')
      setChosen(null)
    } catch (caught) {
      form.showProblem(
        caught,
        statusOf(caught) === 409
          ? { network: [`You already have a ${NETWORK_LABELS[network]} link. Delete it to add another.`] }
          : {},
      )
    }
  }

  const remove = async (link: SocialLink) => {
    setFailure(null)
    try {
      await deleteLink(link.id).unwrap()
    } catch (caught) {
      const message = errorMessageOf(caught as Parameters<typeof errorMessageOf>[0])
      setFailure(`The ${NETWORK_LABELS[link.network]} link was not deleted: ${message.title}`)
    }
  }

  return (
    <SectionCard title="Social links">
      <Typography variant="body2" color="text.secondary">
        Your profiles elsewhere, one per network, so people can see who they are dealing with.
      </Typography>
      {failure && <Alert severity="error">{failure}</Alert>}
      {isLoading ? (
        <LoadingState label="Loading your social links" variant="list" count={2} />
      ) : isError || !links ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : links.length === 0 ? (
        <Typography>No social links yet.</Typography>
      ) : (
        <ul aria-label="Social links" className="m-0 flex list-none flex-col gap-1 p-0">
          {links.map((link) => {
            const label = NETWORK_LABELS[link.network]
            const busy = deleteState.isLoading && deleteState.originalArgs === link.id
            return (
              <li key={link.id} aria-label={label} className="flex items-center justify-between gap-2">
                <div className="min-w-0">
                  <Typography variant="body2" color="text.secondary">
                    {label}
                  </Typography>
                  {isWebUrl(link.url) ? (
                    <Link href={link.url} target="_blank" rel="noopener noreferrer nofollow" className="break-all">
                      {link.url}
                    </Link>
                  ) : (
                    <Typography className="break-all">{link.url}</Typography>
                  )}
                </div>
                <IconButton aria-label={`Delete the ${label} link`} disabled={busy} onClick={() => void remove(link)}>
                  <DeleteOutlinedIcon />
                </IconButton>
              </li>
            )
          })}
        </ul>
      )}
      <FormAlert id={form.alertId} message={form.alert} />
      <form
        noValidate
        aria-label="Add a social link"
        onSubmit={(event) => void submit(event)}
        className="flex flex-col gap-3 sm:flex-row sm:items-start"
      >
        <TextField
          {...form.fieldProps('network')}
          select
          label="Network"
          value={network}
          onChange={(event) => setChosen(event.target.value as SocialNetwork)}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          className="sm:w-40 sm:shrink-0"
        >
          {SOCIAL_NETWORKS.map((entry) => (
            <option key={entry} value={entry} disabled={used.has(entry) && entry !== network}>
              {used.has(entry) ? `${NETWORK_LABELS[entry]} (added)` : NETWORK_LABELS[entry]}
            </option>
          ))}
        </TextField>
        <TextField
          {...form.fieldProps('url', `Your profile page, such as ${EXAMPLE_URLS[network]}`)}
          label="Profile URL"
          type="url"
          autoComplete="url"
          required
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'none', maxLength: 500 } }}
          className="sm:flex-1"
        />
        <Button type="submit" variant="outlined" disabled={addState.isLoading} className="sm:mt-2">
          {addState.isLoading ? 'Adding…' : 'Add link'}
        </Button>
      </form>
    </SectionCard>
  )
}
