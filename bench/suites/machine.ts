/**
 * The machine's cost in exact riscv64 instructions (bench/machine/riscv64Instructions.ts): the
 * verifier bundle on Debian's riscv64 Node under qemu-user, counted by a qemu plugin. A count
 * does not move with the host's load, so it can be compared across runs and machines; at the
 * ~500 MIPS a Cartesi machine runs at, 500 M instructions are about a second.
 *
 * - machine/riscv64/input/first: the first presentation after start, from the first yield
 *   (where Cartesi snapshots the machine, after the warm-up).
 * - machine/riscv64/input/warm: a later presentation (median).
 * - machine/riscv64/verify/warm: verifyCredential alone, in-process (median of warm runs).
 * - machine/riscv64/verify-pseudonym/warm: the same licence issued over a holder commitment and
 *   derived with a pseudonym (bbs-2023 `pseudonym`), verified against its context.
 * - machine/riscv64/hostile/{accepted,rejected}/most-expensive: the costliest input within the
 *   machine's work bounds, and the costliest one they refuse (bench/machine/hostileInputs.ts;
 *   each case in a fresh machine, about five minutes in all).
 *
 * Skipped, with the reason, where the riscv64 lane cannot be prepared (scripts/riscv64/prepare.sh).
 */
import { prepareRiscv64 } from '#test/riscv64.js'
import { countHostileInputInstructions } from '../machine/hostileInputs.js'
import { countInputInstructions, countVerifyInstructions } from '../machine/riscv64Instructions.js'
import type { BenchSuite, Reading } from '../lib/suite.js'

export const suite: BenchSuite = {
  name: 'machine',
  async run(): Promise<Reading[]> {
    const unavailable = prepareRiscv64()
    if (unavailable) {
      console.error(`bench: machine skipped: ${unavailable}`)
      return []
    }
    const inputs = await countInputInstructions()
    console.error(`bench: riscv64 instructions per presentation input, in order: ${inputs.all.join(', ')}`)
    const verify = await countVerifyInstructions()
    console.error(`bench: riscv64 instructions per verifyCredential, in order: ${verify.all.join(', ')}`)
    const verifyPseudonym = await countVerifyInstructions({ pseudonym: true })
    console.error(`bench: riscv64 instructions per verifyCredential with a pseudonym, in order: ${verifyPseudonym.all.join(', ')}`)
    const hostile = await countHostileInputInstructions()
    for (const reading of hostile.readings) console.error(`bench: riscv64 instructions of "${reading.case}": ${reading.instructions} (${reading.status}${reading.code ? ` ${reading.code}` : ''})`)
    return [
      { bench: 'machine/riscv64/input/first', value: inputs.first, unit: 'instructions' },
      { bench: 'machine/riscv64/input/warm', value: inputs.warm, unit: 'instructions' },
      { bench: 'machine/riscv64/verify/warm', value: verify.warm, unit: 'instructions' },
      { bench: 'machine/riscv64/verify-pseudonym/warm', value: verifyPseudonym.warm, unit: 'instructions' },
      { bench: 'machine/riscv64/hostile/accepted/most-expensive', value: hostile.mostExpensiveAccepted.instructions, unit: 'instructions' },
      { bench: 'machine/riscv64/hostile/rejected/most-expensive', value: hostile.mostExpensiveRejected.instructions, unit: 'instructions' },
    ]
  },
}
