/** `npm run walkthrough`: prints each step and exits non-zero if one misbehaved. */
import { runWalkthrough } from './walkthrough.js'

const steps = await runWalkthrough(({ step, ok, detail }) => console.log(`${ok ? '✔' : '✘'} ${step.padEnd(17)} ${detail}`))
process.exitCode = steps.every((s) => s.ok) ? 0 : 1
