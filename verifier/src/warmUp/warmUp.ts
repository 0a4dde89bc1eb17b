/**
 * @module
 * Warm-up before the first yield. Cartesi snapshots the machine when the application first asks
 * for an input, and every input starts from that snapshot. A cold V8 pays for parsing, compiling
 * and first-time setup on the first input it sees (about six times a warm input's instructions,
 * measured on riscv64), so the machine runs sample inputs through a scratch verifier first: the
 * snapshot then holds compiled code and the first real input costs what later ones do.
 *
 * The sample runs three times, each through a fresh scratch verifier: V8 optimises a function
 * only after it has run hot a few times, and with `--single-threaded` that compilation lands in
 * whichever input triggers it. One round left the first real input at 1.8x a warm one's
 * instructions on riscv64; three leave it close to a warm one.
 *
 * A scratch verifier has its own in-memory database and configuration; nothing it does
 * reaches the real verifier's state or outputs. The warm-up also computes the BBS generators
 * of the largest proof the machine accepts, for each interface a proof may use: plain, blind
 * (anonymous holder binding) and pseudonym. A rejected input reverts the machine to the state
 * before it, so a generator computed while checking one would be computed again by every
 * input after it.
 */
import type { Address, Hex } from 'viem'
import { type CreateVerifierParameters, createVerifier } from '../createVerifier.js'
import { decodeReport, encodeInspectQuery } from 'medcred/cartesi'
import { prepareGenerators } from 'medcred/internal'
import { VerifierWarmUpError } from '../errors.js'
import { machineInputLimits } from '../verification/verifySubmittedCredential.js'
import defaultSample from './sample.json' with { type: 'json' }

/** The inputs of verifier/src/warmUp/sample.json (made by createWarmUpSample.ts). */
export type WarmUpSample = {
  rootAuthority: Address
  chainId: number
  application: Address
  blockTimestamp: number
  inputs: { sender: Address; payload: Hex }[]
}

/** Parameters of {@link warmUp}: the real verifier's configuration, and the sample to run. */
export type WarmUpParameters = Omit<CreateVerifierParameters, 'rootAuthorities' | 'database'> & {
  /** Default: verifier/src/warmUp/sample.json. */
  sample?: WarmUpSample | undefined
  /** How many times the sample runs, each through a fresh scratch verifier. Default: 3. */
  rounds?: number | undefined
}

/**
 * Runs the sample inputs and an inspect query through scratch verifiers built like the real
 * one (same disclosure policies, portals and contexts), `rounds` times, then prepares the
 * generators of every interface.
 *
 * @throws {VerifierWarmUpError} `ERR_VERIFIER_WARM_UP_FAILED` if a sample input is rejected: the
 * sample no longer matches the verifier (re-run createWarmUpSample.ts), a bug to fix before
 * the machine is built.
 */
export async function warmUp(parameters: WarmUpParameters): Promise<void> {
  const { sample = defaultSample as WarmUpSample, rounds = 3, ...configuration } = parameters
  for (let round = 0; round < rounds; round++) await runSample(sample, configuration)
  prepareGenerators(machineInputLimits.maxMessages)
  // submitPresentation takes every feature option, deals the pseudonym ones: anonymous holder
  // binding (Blind BBS) and pseudonyms each have their interface's own generators.
  prepareGenerators(machineInputLimits.maxMessages, 'blind')
  prepareGenerators(machineInputLimits.maxMessages, 'pseudonym')
}

/** The sample's inputs and an inspect query through one scratch verifier, then dropped. */
async function runSample(sample: WarmUpSample, configuration: Omit<WarmUpParameters, 'sample' | 'rounds'>): Promise<void> {
  const { rootAuthority, chainId, application, blockTimestamp, inputs } = sample
  const scratch = await createVerifier({ ...configuration, rootAuthorities: [rootAuthority] })
  try {
    for (const [index, { sender, payload }] of inputs.entries()) {
      const metadata = {
        chainId: BigInt(chainId),
        appContract: application,
        msgSender: sender,
        blockNumber: BigInt(index + 1),
        blockTimestamp: BigInt(blockTimestamp + index),
        prevRandao: 0n,
        inputIndex: BigInt(index),
      }
      const result = await scratch.advance({ metadata, payload })
      if (result.status !== 'accept') {
        const report = result.reports.map(decodeReport).find((r) => !r.ok)
        throw new VerifierWarmUpError({ index, report: report && !report.ok ? report : undefined })
      }
    }
    await scratch.inspect(encodeInspectQuery({ query: 'counts' }))
  } finally {
    scratch.close()
  }
}
