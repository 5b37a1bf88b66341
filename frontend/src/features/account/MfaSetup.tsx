import ContentCopyIcon from '@mui/icons-material/ContentCopy'
import DownloadIcon from '@mui/icons-material/Download'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { QRCodeSVG } from 'qrcode.react'
import { useEffect, useRef, useState, type FormEvent } from 'react'

import { useConfirmTotpMutation, useSetupTotpMutation } from '../../api/auth'
import { ErrorState } from '../../components/ErrorState'
import { FormAlert } from '../auth/FormAlert'
import { useFormErrors } from '../auth/formErrors'
import { totpCode } from './totpCode'

/** The secret in groups of four, as authenticator apps show it: "JBSW Y3DP EHPK 3PXP". */
export function groupSecret(secret: string): string {
  return secret.replace(/\s/g, '').replace(/(.{4})(?=.)/g, '$1 ')
}

const CONFIRM_FIELDS = ['code'] as const

/** Turning MFA on: get a secret, show it as a QR code and as text, confirm with a first code. */
export function MfaSetup({ onConfirmed }: { onConfirmed: (recoveryCodes: string[]) => void }) {
  const [setup, setupState] = useSetupTotpMutation()
  const [confirm, { isLoading: confirming }] = useConfirmTotpMutation()
  const [code, setCode] = useState('')
  const form = useFormErrors(CONFIRM_FIELDS)
  const stepHeading = useRef<HTMLHeadingElement>(null)
  const secret = setupState.data

  useEffect(() => {
    if (secret) stepHeading.current?.focus()
  }, [secret])

  if (!secret) {
    return (
      <>
        <Typography>
          Protect your account with a second step: after your password, sign-in asks for a code from an authenticator
          app on your phone (such as Google Authenticator, Microsoft Authenticator, 1Password or Aegis).
        </Typography>
        {setupState.isError && <ErrorState error={setupState.error} />}
        <div>
          <Button variant="contained" disabled={setupState.isLoading} onClick={() => void setup()}>
            {setupState.isLoading ? 'Starting…' : 'Set up two-step sign-in'}
          </Button>
        </div>
      </>
    )
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const digits = totpCode(code)
    if (digits === null) {
      form.show({ code: ['Enter the 6-digit code your authenticator app shows now.'] }, null)
      return
    }
    form.clear()
    try {
      const { recovery_codes } = await confirm({ code: digits }).unwrap()
      // The secret and the codes leave the store: they are shown once, from component state.
      setupState.reset()
      onConfirmed(recovery_codes)
    } catch (error) {
      form.showProblem(error)
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <Typography variant="h3" component="h3" ref={stepHeading} tabIndex={-1} className="outline-none">
        Scan this code with your authenticator app
      </Typography>
      <div className="flex flex-col items-start gap-4 sm:flex-row">
        <div className="rounded border border-slate-200 bg-white p-3">
          <QRCodeSVG
            value={secret.otpauth_uri}
            size={176}
            marginSize={2}
            role="img"
            aria-label="QR code for your authenticator app"
          />
        </div>
        <div className="flex min-w-0 flex-col gap-2">
          <Typography variant="body2" color="text.secondary">
            Can&apos;t scan it? Add an account in the app by hand and enter this key:
          </Typography>
          <div className="flex flex-wrap items-center gap-2">
            <code aria-label="Setup key" className="break-all rounded bg-slate-100 px-2 py-1 text-base font-semibold">
              {groupSecret(secret.secret)}
            </code>
            <CopyButton text={secret.secret} label="Copy key" />
          </div>
        </div>
      </div>
      <FormAlert id={form.alertId} message={form.alert} />
      <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <TextField
          {...form.fieldProps('code', 'The 6-digit code the app shows for TechMarket.')}
          label="Code from the app"
          autoComplete="one-time-code"
          required
          value={code}
          onChange={(event) => setCode(event.target.value)}
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 7 } }}
        />
        <Button type="submit" variant="contained" disabled={confirming} className="sm:mt-2">
          {confirming ? 'Checking…' : 'Turn on'}
        </Button>
        <Button onClick={() => setupState.reset()} className="sm:mt-2">
          Cancel
        </Button>
      </form>
    </div>
  )
}

function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState<boolean | null>(null)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text)
      setCopied(true)
    } catch {
      setCopied(false)
    }
  }
  return (
    <>
      <Button size="small" variant="outlined" startIcon={<ContentCopyIcon />} onClick={() => void copy()}>
        {label}
      </Button>
      <span role="status" className="text-sm">
        {copied === true ? 'Copied' : copied === false ? 'Copying is blocked here; select the text instead.' : ''}
      </span>
    </>
  )
}

/** Starts a download of a text file made in the browser. */
function downloadText(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** The 10 recovery codes, shown once, right after turning MFA on. */
export function RecoveryCodesPanel({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    heading.current?.focus()
  }, [])
  const text = `TechMarket recovery codes\nEach code signs you in once when you can't use your authenticator app.\n\n${codes.join('\n')}\n`
  return (
    <div className="flex flex-col gap-4">
      <Typography variant="h3" component="h3" ref={heading} tabIndex={-1} className="outline-none">
        Save your recovery codes
      </Typography>
      <Alert severity="warning" role="note">
        Two-step sign-in is on. If you lose your phone, each of these codes signs you in once. Keep them somewhere
        safe: this is the only time they are shown.
      </Alert>
      <ol
        aria-label="Recovery codes"
        className="m-0 grid list-none grid-cols-1 gap-2 rounded bg-slate-100 p-4 font-mono text-base sm:grid-cols-2"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <div className="flex flex-wrap items-center gap-2">
        <CopyButton text={codes.join('\n')} label="Copy codes" />
        <Button
          size="small"
          variant="outlined"
          startIcon={<DownloadIcon />}
          onClick={() => downloadText('techmarket-recovery-codes.txt', text)}
        >
          Download
        </Button>
      </div>
      <div>
        <Button variant="contained" onClick={onDone}>
          I have saved my codes
        </Button>
      </div>
    </div>
  )
}
