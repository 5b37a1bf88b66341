import { describe, expect, it } from 'vitest'

import { errorMessageOf, fieldErrorsOf, formatWait } from './problem'

describe('errorMessageOf', () => {
  it('uses the problem+json title and detail', () => {
    const error = {
      status: 422,
      data: { type: 'about:blank', title: 'Invalid filter', status: 422, detail: 'min_price must be ≥ 0' },
    }

    expect(errorMessageOf(error)).toEqual({ title: 'Invalid filter', detail: 'min_price must be ≥ 0', status: 422 })
  })

  it('names the status when the body is not problem+json', () => {
    expect(errorMessageOf({ status: 502, data: '<html>Bad gateway</html>' }).title).toBe('The server answered 502')
  })

  it('explains a network failure', () => {
    expect(errorMessageOf({ status: 'FETCH_ERROR', error: 'TypeError: Failed to fetch' }).title).toBe(
      "We can't reach TechMarket",
    )
  })
})

describe('429 answers', () => {
  it('add the wait from Retry-After to the problem', () => {
    const error = {
      status: 429,
      data: { type: 'about:blank', title: 'Too many sign-in attempts', status: 429 },
      retryAfterSeconds: 90,
    }

    expect(errorMessageOf(error)).toEqual({
      title: 'Too many sign-in attempts',
      detail: 'Please wait 2 minutes before trying again.',
      status: 429,
    })
  })

  it('word the wait as a person would', () => {
    expect(formatWait(1)).toBe('1 second')
    expect(formatWait(45)).toBe('45 seconds')
    expect(formatWait(60)).toBe('1 minute')
    expect(formatWait(301)).toBe('6 minutes')
    expect(formatWait(7200)).toBe('2 hours')
  })
})

describe('fieldErrorsOf', () => {
  it('groups the 422 messages by field', () => {
    const error = {
      status: 422,
      data: {
        type: 'about:blank',
        title: 'Invalid input',
        status: 422,
        errors: [
          { field: 'password', in: 'body', message: 'Too short.', code: 'too_short' },
          { field: 'body.password', in: 'body', message: 'Too common.', code: 'common' },
          { field: 'email', in: 'body', message: 'Not an email address.' },
        ],
      },
    }

    expect(fieldErrorsOf(error)).toEqual({ password: ['Too short.', 'Too common.'], email: ['Not an email address.'] })
  })
})
