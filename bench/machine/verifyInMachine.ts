/**
 * The in-process verification alone, as a program for the machine's Node: built into one file
 * like the verifier (verifier/build.ts, same deterministic stand-ins) and run on riscv64 Node
 * with the instruction-counting plugin. It reads the plugin's counter around each
 * verifyCredential call and prints the counts as one JSON line.
 *
 *   MEDCRED_BENCH_CASE      a JSON file: { credential, trustedIssuer, now, presentationHeader, runs }
 *   MEDCRED_BENCH_COUNTER   the plugin's counter file
 */
import { readFileSync } from 'node:fs'
// From their modules, not the `medcred` barrel: its did:ethr resolver brings ethers, which the
// machine build cannot take (verifier/build.ts seals Node's crypto; src/internal.ts says more).
import { createDidKeyDocument } from '../../src/did/key/createDidKeyDocument.js'
import { verifyCredential } from '../../src/verify/verifyCredential.js'

type BenchCase = { credential: Record<string, unknown>; trustedIssuer: string; now: string; presentationHeader: string; runs: number; pseudonymContext?: string }
const { credential, trustedIssuer, now, presentationHeader, runs, pseudonymContext } = JSON.parse(readFileSync(process.env.MEDCRED_BENCH_CASE as string, 'utf8')) as BenchCase
const counter = process.env.MEDCRED_BENCH_COUNTER as string
const didResolver = { resolveDid: async (did: string) => createDidKeyDocument({ publicKeyMultibase: did.slice('did:key:'.length) }) }
const count = () => readFileSync(counter).readBigUInt64LE(0)

const counts: string[] = []
for (let run = 0; run < runs; run++) {
  const before = count()
  const result = await verifyCredential({
    credential: structuredClone(credential),
    trustedIssuers: [trustedIssuer],
    now: new Date(now),
    didResolver,
    presentationHeader,
    ...(pseudonymContext === undefined ? {} : { proofFeatures: ['pseudonym'], pseudonymContext }),
  })
  const after = count()
  if (!result.verified) throw new Error(`the bench credential did not verify: ${JSON.stringify(result.checks.filter((check) => !check.ok))}`)
  counts.push((after - before).toString())
}
console.log(JSON.stringify({ counts }))
