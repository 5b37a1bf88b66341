import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import { useId, type ReactNode } from 'react'

type SectionCardProps = {
  title: string
  children: ReactNode
  action?: ReactNode
  /** `danger`: a red frame and heading, for what can't be undone (deleting the account). */
  tone?: 'default' | 'danger'
}

/** One titled block of an account tab; a region named by its heading. */
export function SectionCard({ title, children, action, tone = 'default' }: SectionCardProps) {
  const headingId = useId()
  const danger = tone === 'danger'
  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby={headingId}
      className="flex flex-col gap-4 p-4 sm:p-6"
      sx={danger ? { borderColor: 'error.main' } : undefined}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Typography variant="h2" id={headingId} className="text-xl" color={danger ? 'error' : undefined}>
          {title}
        </Typography>
        {action}
      </div>
      {children}
    </Paper>
  )
}
