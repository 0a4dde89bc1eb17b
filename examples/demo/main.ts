/** `npm run demo`: the whole story on a local dev node; exits non-zero if a step misbehaved. */
import { runDemo } from './runDemo.js'

const started = performance.now()
const { steps } = await runDemo(({ step, ok, detail }) => console.log(`${ok ? '✔' : '✘'} ${step.padEnd(20)} ${detail}`))
console.log(`\n${'step'.padEnd(22)}result`)
for (const { step, ok } of steps) console.log(`${step.padEnd(22)}${ok ? 'ok' : 'FAILED'}`)
console.log(`\n${steps.filter((s) => s.ok).length}/${steps.length} steps as expected in ${((performance.now() - started) / 1000).toFixed(1)} s`)
process.exitCode = steps.every((s) => s.ok) ? 0 : 1
