/**
 * The machine's memory on riscv64: the verifier bundle on Debian's riscv64 Node under qemu-user
 * at the scale of the memory bench (bench/verifier/verifierAtScale.ts: 10,000 issuers,
 * 1,000,000 status entries, 10,000 verdicts, then presentations and status updates). The peak
 * RSS read is qemu's process, the guest's memory plus the translator's, so it bounds the
 * machine's from above; the RAM cartesi.toml gives the machine must leave 40% of it free.
 */
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { prepareRiscv64 } from '#test/riscv64.js'

const unavailable = prepareRiscv64()
const script = fileURLToPath(new URL('../../bench/verifier/verifierAtScale.ts', import.meta.url))

/** `[machine] ram_length` of cartesi.toml, in MiB. */
function machineRamMiB(): number {
  const toml = readFileSync(fileURLToPath(new URL('../../cartesi.toml', import.meta.url)), 'utf8')
  const [, amount, unit] = /^ram_length\s*=\s*"(\d+)(Mi|Gi)"/m.exec(toml) ?? []
  if (!amount) throw new Error('cartesi.toml has no [machine] ram_length such as "512Mi"')
  return Number(amount) * (unit === 'Gi' ? 1024 : 1)
}

describe.skipIf(unavailable !== undefined)(`riscv64 memory${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  it('peak RSS at scale leaves at least 40% of the machine RAM in cartesi.toml free', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, BENCH_MACHINE_ARCH: 'riscv64' },
      maxBuffer: 1 << 24,
    })
    const figures = JSON.parse(stdout.trim().split('\n').at(-1) as string) as { peakRssMiB: number; issuers: number; statusEntries: number; verdicts: number }
    expect(figures).toMatchObject({ issuers: 10_000, statusEntries: 1_000_000, verdicts: 10_000 })
    const ram = machineRamMiB()
    console.log(`riscv64 peak RSS at scale: ${figures.peakRssMiB.toFixed(1)} MiB (qemu-user process); machine RAM ${ram} MiB, ${((ram / figures.peakRssMiB - 1) * 100).toFixed(0)}% headroom`)
    expect(ram).toBeGreaterThanOrEqual(1.4 * figures.peakRssMiB)
  })
})
