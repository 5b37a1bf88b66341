import { createTheme } from '@mui/material/styles'

/** A calm, trustworthy look: deep blue for actions, teal for accents, quiet surfaces. */
export const theme = createTheme({
  palette: {
    primary: { main: '#0f4c81', light: '#3f73a6', dark: '#0a355a', contrastText: '#ffffff' },
    secondary: { main: '#0f766e', contrastText: '#ffffff' },
    background: { default: '#f5f7fa', paper: '#ffffff' },
    text: { primary: '#14212e', secondary: '#4a5b6c' },
    divider: '#dde3ea',
  },
  shape: { borderRadius: 10 },
  typography: {
    fontFamily:
      'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    h1: { fontSize: '1.75rem', fontWeight: 700, lineHeight: 1.2, '@media (min-width:600px)': { fontSize: '2rem' } },
    h2: { fontSize: '1.5rem', fontWeight: 700, lineHeight: 1.25 },
    h3: { fontSize: '1.25rem', fontWeight: 600 },
    button: { textTransform: 'none', fontWeight: 600 },
  },
  components: {
    MuiCard: { defaultProps: { variant: 'outlined' } },
    MuiButton: { defaultProps: { disableElevation: true } },
    MuiAppBar: { defaultProps: { elevation: 0 } },
  },
})
