/**
 * BBS primitives at 10, 30 and 60 messages: sign, derive and verify with the stock IETF BBS
 * library (@digitalbazaar/bbs-signatures, pure JS), medcred's verifyProof, and MATTR's wasm
 * library (@mattrglobal/bbs-signatures: the older BBS+ scheme, whose proofs are not IETF BBS
 * proofs, timed on the same number of messages as a reference point for wasm speed).
 */
import * as stock from '@digitalbazaar/bbs-signatures'
import { ciphersuite, stockKey, stockProof, stockVerifyProof, utf8 } from '#test/stockBbs.js'
import { verifyProof } from '../../src/bbs/index.js'
import { pairingFloor } from '../lib/anchors.js'
import { measure, measureTogether } from '../lib/measure.js'
import { anchor, type BenchSuite, compare, type Figure, type Measurement } from '../lib/suite.js'

// MATTR's wasm build, loaded as src/suites/bbs-2020 loads it (its package entry's request
// types do not compile under this project's settings; src/types declares this module).
type BbsPlus = typeof import('@mattrglobal/bbs-signatures/lib/wasm_module.js')
const mattrModule = await import('@mattrglobal/bbs-signatures/lib/wasm_module.js')
const mattr = (mattrModule as { default?: BbsPlus }).default ?? mattrModule
/** Proof checks that fail would time the wrong thing. */
const expectValid = (valid: boolean, what: string) => {
  if (!valid) throw new Error(`bench: ${what} did not verify`)
}

async function atMessageCount(count: number): Promise<Figure[]> {
  const tag = `bbs/n${count}`
  // Messages shaped like bbs-2023's: one canonical N-Quad each. Every other one is disclosed.
  const messages = Array.from({ length: count }, (_, i) => utf8(`_:c14n${i} <https://w3id.org/medcred#claim${i}> "value of claim ${i}" .\n`))
  const disclosed = messages.flatMap((_, i) => (i % 2 === 0 ? [i] : []))
  const header = new Uint8Array(64).fill(7)
  const presentationHeader = utf8('verifier challenge 2f1c9a')

  const key = await stockKey(count)
  const { signature, proof: verifyInput } = await stockProof({ key, messages, disclosedIndexes: disclosed, header, presentationHeader })
  const stockVerify = () => stockVerifyProof(verifyInput)
  expectValid(await stockVerify(), `${tag} stock proof`)
  expectValid(verifyProof(verifyInput), `${tag} medcred proof`)

  const slow = { minSamples: 5, budgetMs: 1000 }
  const stockSign = await measure(`${tag}/sign/digitalbazaar`, () => stock.sign({ ...key, header, messages, ciphersuite }), slow)
  const stockDerive = await measure(
    `${tag}/derive/digitalbazaar`,
    () => stock.deriveProof({ publicKey: key.publicKey, signature, header, messages, presentationHeader, disclosedMessageIndexes: disclosed, ciphersuite }),
    slow,
  )

  // A raw BLS12-381 G2 key pair is one for BBS+ too.
  const keyPair = key
  const nonce = presentationHeader
  const mattrSignature = await mattr.blsSign({ keyPair, messages })
  const mattrProof = await mattr.blsCreateProof({ signature: mattrSignature, publicKey: keyPair.publicKey, messages, revealed: disclosed, nonce })
  const mattrVerify = () => mattr.blsVerifyProof({ proof: mattrProof, publicKey: keyPair.publicKey, messages: disclosed.map((i) => messages[i]!), nonce })
  expectValid((await mattrVerify()).verified, `${tag} MATTR proof`)
  const mattrSign = await measure(`${tag}/sign/mattr`, () => mattr.blsSign({ keyPair, messages }))
  const mattrDerive = await measure(`${tag}/derive/mattr`, () =>
    mattr.blsCreateProof({ signature: mattrSignature, publicKey: keyPair.publicKey, messages, revealed: disclosed, nonce }),
  )

  const [floor, stockProofVerify, mattrProofVerify, ours] = (await measureTogether(
    [
      pairingFloor(tag),
      { bench: `${tag}/verify/digitalbazaar`, run: stockVerify },
      { bench: `${tag}/verify/mattr`, run: mattrVerify },
      { bench: `${tag}/verify/medcred`, run: () => verifyProof(verifyInput) },
    ],
    { minSamples: 7, budgetMs: 3000 },
  )) as [Measurement, Measurement, Measurement, Measurement]
  return [
    anchor(floor),
    anchor(stockSign),
    anchor(mattrSign),
    anchor(stockDerive),
    anchor(mattrDerive),
    anchor(stockProofVerify),
    anchor(mattrProofVerify),
    compare(ours, stockProofVerify),
    compare(ours, mattrProofVerify),
    compare(ours, floor),
  ]
}

export const suite: BenchSuite = {
  name: 'bbs',
  async run() {
    const figures: Figure[] = []
    for (const count of [10, 30, 60]) figures.push(...(await atMessageCount(count)))
    return figures
  },
}
