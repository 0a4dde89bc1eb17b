/**
 * @module
 * Drives the verifier through libcmt (@cartesi/rollup): the real device inside the machine,
 * its file-fed mock on a development host (CMT_INPUTS).
 */
import { bytesToHex } from 'viem'
import type { Verifier } from '../createVerifier.js'

/**
 * Runs the libcmt request loop. Inside the machine it never returns; in the host mock it
 * returns when the input files run out.
 */
export async function runLibcmtTransport(parameters: { verifier: Verifier }): Promise<void> {
  const { verifier } = parameters
  // Loaded here so the HTTP transport never needs the native addon.
  const { Rollup } = await import('@cartesi/rollup')
  const rollup = new Rollup()
  try {
    await rollup.run({
      async advance(request, io) {
        const result = await verifier.advance({
          metadata: {
            chainId: request.chainId,
            appContract: request.appContract,
            msgSender: request.msgSender,
            blockNumber: request.blockNumber,
            blockTimestamp: request.blockTimestamp,
            prevRandao: request.prevRandao,
            inputIndex: request.index,
          },
          payload: bytesToHex(request.payload),
        })
        if (result.status === 'accept') {
          for (const output of result.outputs) {
            if (output.type === 'notice') io.emitNotice(output.payload)
            else io.emitVoucher({ destination: output.destination, value: output.value, payload: output.payload })
          }
        }
        for (const report of result.reports) io.emitReport(report)
        return result.status === 'accept'
      },
      async inspect(request, io) {
        for (const report of (await verifier.inspect(bytesToHex(request.payload))).reports) io.emitReport(report)
      },
    })
  } finally {
    rollup.close()
  }
}
