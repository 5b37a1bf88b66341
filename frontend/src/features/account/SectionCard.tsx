import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import { useId, type ReactNode } from 'react'

/** One titled block of an account tab; a region named by its heading. */
export function SectionCard({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  const headingId = useId()
  return (
    <Paper component="section" variant="outlined" aria-labelledby={headingId} className="flex flex-col gap-4 p-4 sm:p-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Typography variant="h2" id={headingId} className="text-xl">
          {title}
        </Typography>
        {action}
      </div>
      {children}
    </Paper>
  )
}
