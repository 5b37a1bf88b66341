import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import { useEffect, useRef, type ReactNode } from 'react'

type AuthCardProps = {
  title: string
  /** Moves focus to the heading when shown, e.g. for the second step of a form. */
  focusHeading?: boolean
  children: ReactNode
}

/** The frame of the sign-in pages: a centred card, full width on phones. */
export function AuthCard({ title, focusHeading = false, children }: AuthCardProps) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (focusHeading) heading.current?.focus()
  }, [focusHeading, title])
  return (
    <Paper variant="outlined" className="mx-auto w-full max-w-md p-5 sm:p-8">
      <title>{`${title} · TechMarket`}</title>
      <Typography variant="h1" ref={heading} tabIndex={-1} className="mb-4 outline-none">
        {title}
      </Typography>
      <div className="flex flex-col gap-4">{children}</div>
    </Paper>
  )
}
