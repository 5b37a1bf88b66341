import type { SerializedError } from '@reduxjs/toolkit'
import { useCallback, useEffect, useId, useRef, useState } from 'react'

import type { ApiError } from '../../api/baseQuery'
import { errorMessageOf, fieldErrorsByPath, fieldErrorsOf, type ErrorMessage } from '../../api/problem'

/** What a failed form submit shows: messages beside fields, and an alert above the form. */
export type FormAlertMessage = ErrorMessage & {
  /** Messages for fields this form has no input for (e.g. an expired `token`). */
  extra?: string[]
}

/** Focuses an element by id after the next render, once it exists. */
export function useFocusAfterRender() {
  const pending = useRef<string | null>(null)
  const [tick, setTick] = useState(0)
  useEffect(() => {
    if (pending.current) {
      document.getElementById(pending.current)?.focus()
      pending.current = null
    }
  }, [tick])
  return useCallback((id: string) => {
    pending.current = id
    setTick((value) => value + 1)
  }, [])
}

export type FormErrorsOptions = {
  /**
   * Field names are whole paths (`specs.ram_gb`, `options.0.price`) rather than the last part
   * of the server's path: for forms with nested values (the listing form).
   */
  nested?: boolean
  /** Problem `code`s that belong to a field, for problems that name no field (`stolen-device`). */
  fieldOfCode?: Record<string, string>
}

/**
 * Error state of one form. `fields` lists the form's wire field names in screen order, so a
 * failed submit can move focus to the first field with an error (or to the alert when no
 * field has one). Server 422 `errors` land on the field of the same name. Pass a constant
 * (module-level) tuple, or a memoized list, so the callbacks stay stable.
 */
export function useFormErrors<Field extends string>(fields: readonly Field[], options: FormErrorsOptions = {}) {
  const { nested = false, fieldOfCode } = options
  const baseId = useId()
  const idOf = useCallback((field: Field) => `${baseId}-${field}`, [baseId])
  const alertId = `${baseId}-alert`
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string[]>>>({})
  const [alert, setAlert] = useState<FormAlertMessage | null>(null)
  const focusLater = useFocusAfterRender()

  const show = useCallback(
    (errors: Partial<Record<Field, string[]>>, message: FormAlertMessage | null) => {
      setFieldErrors(errors)
      setAlert(message)
      const first = fields.find((field) => (errors[field]?.length ?? 0) > 0)
      if (first) focusLater(idOf(first))
      else if (message) focusLater(alertId)
    },
    [alertId, fields, focusLater, idOf],
  )

  /** Shows a failed request: problem title and detail in the alert, 422 `errors` by field. */
  const showProblem = useCallback(
    (caught: unknown, extraFieldErrors: Partial<Record<Field, string[]>> = {}) => {
      // What `unwrap()` rejects with: the base query's error, or a serialized exception.
      const error = caught as ApiError | SerializedError | undefined
      const byField = nested ? fieldErrorsByPath(error, fieldOfCode) : fieldErrorsOf(error)
      const errors: Partial<Record<Field, string[]>> = { ...extraFieldErrors }
      const extra: string[] = []
      for (const [name, messages] of Object.entries(byField)) {
        if ((fields as readonly string[]).includes(name)) {
          const field = name as Field
          errors[field] = [...(errors[field] ?? []), ...messages]
        } else {
          extra.push(...messages)
        }
      }
      show(errors, { ...errorMessageOf(error), extra })
    },
    [fields, show, nested, fieldOfCode],
  )

  const clear = useCallback(() => {
    setFieldErrors({})
    setAlert(null)
  }, [])

  /** Props for a TextField: id, error flag and the messages as helper text. */
  const fieldProps = (field: Field, helperText?: string) => {
    const messages = fieldErrors[field] ?? []
    return {
      id: idOf(field),
      error: messages.length > 0,
      helperText:
        messages.length > 0
          ? messages.map((message) => (
              <span key={message} className="block">
                {message}
              </span>
            ))
          : helperText,
    }
  }

  return { idOf, alertId, fieldErrors, alert, show, showProblem, clear, fieldProps }
}
