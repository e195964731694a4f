import { WORKLOAD_STATES, TRANSITIONAL_STATES } from '@ops-console/contracts'
import { render, screen } from '@testing-library/react'
import { expect, test } from 'vitest'
import { STATE_BADGES, StateBadge } from './state-badge.js'

test('every normalized state has a label, and only transitional states read as in progress', () => {
  for (const state of WORKLOAD_STATES) {
    const label = STATE_BADGES[state].label
    expect(label.endsWith('…')).toBe(TRANSITIONAL_STATES.includes(state))
  }
})

test('maps states to distinct labels and colours', () => {
  expect(STATE_BADGES.stopping.label).toBe('stopping…')
  expect(STATE_BADGES.running.label).toBe('running')
  expect(STATE_BADGES.failed.tone).not.toBe(STATE_BADGES.running.tone)
  expect(STATE_BADGES.stopping.tone).not.toBe(STATE_BADGES.stopped.tone)
})

test('renders the label and keeps the raw cloud status as a hint', () => {
  render(<StateBadge state="stopping" rawStatus="job_canceling" />)
  const badge = screen.getByText('stopping…')
  expect(badge).toHaveAttribute('data-state', 'stopping')
  expect(badge).toHaveAttribute('title', 'Cloud status: job_canceling')
})
