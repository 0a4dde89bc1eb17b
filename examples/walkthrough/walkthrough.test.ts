import { expect, it } from 'vitest'
import { runWalkthrough } from './walkthrough.js'

it('default: every step of the walk-through behaves', async () => {
  const steps = await runWalkthrough()
  expect(steps.map((s) => [s.step, s.ok])).toEqual([
    ['keys', true],
    ['issue', true],
    ['derive + present', true],
    ['verify', true],
    ['revoke', true],
  ])
})
