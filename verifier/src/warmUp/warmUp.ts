/**
 * @module
 * Warm-up before the first yield. Cartesi snapshots the machine when the application first asks
 * for an input, and every input starts from that snapshot. A cold V8 pays for parsing, compiling
 * and first-time setup on the first input it sees (about six times a warm input's instructions,
 * measured on riscv64), so the machine runs sample inputs through a scratch verifier first: the
 * snapshot then holds compiled code and the first real input costs what later ones do.
 *
 * The scratch verifier has its own in-memory database and configuration; nothing it does
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
}

/**
 * Runs the sample inputs and an inspect query through a scratch verifier built like the real
 * one (same disclosure policies, portals and contexts), then drops it.
 *
 * @throws {VerifierWarmUpError} `ERR_VERIFIER_WARM_UP_FAILED` if a sample input is rejected: the
 * sample no longer matches the verifier (re-run createWarmUpSample.ts), a bug to fix before
 * the machine is built.
 */
export async function warmUp(parameters: WarmUpParameters): Promise<void> {
  const { sample: { rootAuthority, chainId, application, blockTimestamp, inputs } = defaultSample as WarmUpSample, ...configuration } = parameters
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
    prepareGenerators(machineInputLimits.maxMessages)
    // submitPresentation takes every feature option, deals the pseudonym ones: anonymous holder
    // binding (Blind BBS) and pseudonyms each have their interface's own generators.
    prepareGenerators(machineInputLimits.maxMessages, 'blind')
    prepareGenerators(machineInputLimits.maxMessages, 'pseudonym')
  } finally {
    scratch.close()
  }
}
