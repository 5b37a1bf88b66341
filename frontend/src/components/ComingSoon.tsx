import Button from '@mui/material/Button'
import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import { Link as RouterLink } from 'react-router'

/** An honest page for a part of TechMarket that is not built yet. */
export function ComingSoon({ title, sentence }: { title: string; sentence: string }) {
  return (
    <Paper variant="outlined" className="mx-auto max-w-xl p-6 text-center sm:p-10">
      <title>{`${title} · TechMarket`}</title>
      <Typography variant="h1" gutterBottom>
        {title}
      </Typography>
      <Typography color="text.secondary" className="mb-6">
        {sentence}
      </Typography>
      <Button variant="contained" component={RouterLink} to="/">
        Continue shopping
      </Button>
    </Paper>
  )
}
