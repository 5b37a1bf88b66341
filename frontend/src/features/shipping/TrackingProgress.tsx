import Step from '@mui/material/Step'
import StepLabel from '@mui/material/StepLabel'
import Stepper from '@mui/material/Stepper'
import Typography from '@mui/material/Typography'
import { useTheme } from '@mui/material/styles'
import useMediaQuery from '@mui/material/useMediaQuery'

import type { Tracking, TrackingStatus } from '../../api/types'
import { isTrackingProblem, TRACKING_STATUS_LABELS, TRACKING_STEPS } from './shippingLabels'

type ProgressStep = { status: TrackingStatus; state: 'done' | 'current' | 'todo' | 'error' }

/**
 * The five steps of a delivery and where the parcel is. An exception or a return takes the
 * place of the step the parcel did not reach, marked as an error.
 */
export function progressSteps(tracking: Pick<Tracking, 'status' | 'events'>): ProgressStep[] {
  const reachedIndex = (status: TrackingStatus) => TRACKING_STEPS.indexOf(status)
  if (isTrackingProblem(tracking.status)) {
    const reached = Math.max(-1, ...tracking.events.map((event) => reachedIndex(event.status)))
    const failedAt = Math.min(reached + 1, TRACKING_STEPS.length - 1)
    return TRACKING_STEPS.map((status, index) =>
      index < failedAt
        ? { status, state: 'done' }
        : index === failedAt
          ? { status: tracking.status, state: 'error' }
          : { status, state: 'todo' },
    )
  }
  const current = reachedIndex(tracking.status)
  return TRACKING_STEPS.map((status, index) => ({
    status,
    state: index < current || tracking.status === 'delivered' ? 'done' : index === current ? 'current' : 'todo',
  }))
}

/** Said to screen readers only; the current and the failed step say it on screen. */
const STATE_TEXT: Partial<Record<ProgressStep['state'], string>> = { done: 'done', todo: 'to come' }

/** The delivery's steps; across on wide screens, down on phones. */
export function TrackingProgress({ tracking }: { tracking: Pick<Tracking, 'status' | 'events'> }) {
  const theme = useTheme()
  const phone = useMediaQuery(theme.breakpoints.down('sm'))
  const steps = progressSteps(tracking)
  const active = steps.findIndex((step) => step.state === 'current' || step.state === 'error')
  return (
    <Stepper
      component="ol"
      aria-label="Delivery progress"
      activeStep={active === -1 ? steps.length : active}
      orientation={phone ? 'vertical' : 'horizontal'}
      alternativeLabel={!phone}
      className="m-0 p-0"
    >
      {steps.map((step) => (
        <Step
          key={step.status}
          component="li"
          completed={step.state === 'done'}
          aria-current={step.state === 'current' || step.state === 'error' ? 'step' : undefined}
        >
          <StepLabel
            error={step.state === 'error'}
            optional={
              step.state === 'current' || step.state === 'error' ? (
                <Typography variant="caption" color={step.state === 'error' ? 'error' : 'primary'}>
                  {step.state === 'error' ? 'Needs attention' : 'Now'}
                </Typography>
              ) : undefined
            }
          >
            {TRACKING_STATUS_LABELS[step.status]}
            {STATE_TEXT[step.state] && <span className="sr-only"> ({STATE_TEXT[step.state]})</span>}
          </StepLabel>
        </Step>
      ))}
    </Stepper>
  )
}
