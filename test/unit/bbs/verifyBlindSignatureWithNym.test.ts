import { describe, expect, it } from 'vitest'
import { featureIssuance, featureVectors, issuerKey, proverNym } from '#test/w3cFeatureVectors.js'
import { BbsArgumentError } from '../../../src/bbs/errors.js'
import { type VerifyBlindSignatureWithNymParameters, verifyBlindSignatureWithNym } from '../../../src/bbs/verifyBlindSignatureWithNym.js'

function received(dir: 'Pseudonym' | 'PseudonymHB'): VerifyBlindSignatureWithNymParameters {
  const { signature, header, messages, committedMessages, secretProverBlind, signerNymEntropy } = featureIssuance(featureVectors.find((vector) => vector.dir === dir)!)
  return { publicKey: issuerKey.publicKey, signature, header, messages, committedMessages, secretProverBlind, proverNym, signerNymEntropy: signerNymEntropy! }
}

describe('verifyBlindSignatureWithNym', () => {
  it.each(['Pseudonym', 'PseudonymHB'] as const)('default: the %s signature verifies and gives nymSecret.json\'s nym secret', (dir) => {
    const { nymSecret } = featureIssuance(featureVectors.find((vector) => vector.dir === dir)!)
    expect(verifyBlindSignatureWithNym(received(dir))).toBe(nymSecret)
  })

  it.each<[string, Partial<VerifyBlindSignatureWithNymParameters>]>([
    ['another prover_nym', { proverNym: proverNym + 1n }],
    ['another signer nym entropy', { signerNymEntropy: 1n }],
    ['another holder\'s secret', { committedMessages: [new Uint8Array(32)] }],
    ['another secret prover blind', { secretProverBlind: 1n }],
  ])('error: %s is INVALID (undefined)', (_name, change) => {
    expect(verifyBlindSignatureWithNym({ ...received('PseudonymHB'), ...change })).toBeUndefined()
  })

  it('error: a blind (holder binding) signature is not one with pseudonym', () => {
    const { signature, secretProverBlind } = featureIssuance(featureVectors[0]!)
    expect(verifyBlindSignatureWithNym({ ...received('PseudonymHB'), signature, secretProverBlind })).toBeUndefined()
  })

  it.each([
    ['a zero prover_nym', { proverNym: 0n }, 'proverNym'],
    ['an entropy as hex', { signerNymEntropy: 'ab' }, 'signerNymEntropy'],
  ])('error: %s throws ERR_BBS_ARGUMENT_INVALID', (_name, change, argument) => {
    const call = () => verifyBlindSignatureWithNym({ ...received('Pseudonym'), ...change } as unknown as VerifyBlindSignatureWithNymParameters)
    expect(call).toThrowError(BbsArgumentError)
    expect(call).toThrowError(expect.objectContaining({ details: { argument } }))
  })
})
