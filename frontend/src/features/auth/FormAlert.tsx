import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import type { ReactNode } from 'react'

import type { FormAlertMessage } from './formErrors'

/** A failed submit: the problem's title and detail. Focusable, so focus can move to it. */
export function FormAlert({ id, message, action }: { id: string; message: FormAlertMessage | null; action?: ReactNode }) {
  if (!message) return null
  return (
    <Alert id={id} severity="error" tabIndex={-1} action={action}>
      <AlertTitle>{message.title}</AlertTitle>
      {message.detail}
      {message.extra && message.extra.length > 0 && (
        <ul className="m-0 mt-1 pl-5">
          {message.extra.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </Alert>
  )
}
