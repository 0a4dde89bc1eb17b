/**
 * The warm-up the machine runs before its first yield (verifier/src/warmUp): its sample goes
 * through, it leaves the real verifier's state and outputs exactly as they would be without it,
 * and a sample that stops verifying fails the start with a typed error, not silently.
 */
import { describe, expect, it } from 'vitest'
import { type Hex, stringToHex } from 'viem'
import { accreditAction, addresses, createScenario, licenceReveal, metadataAt, nonce, presentFor, submit } from '#test/verifierScenario.js'
import { encodeInput } from '../../src/cartesi/encodeInput.js'
import { createVerifier } from '../../verifier/src/createVerifier.js'
import { warmUp, type WarmUpSample } from '../../verifier/src/warmUp/warmUp.js'
import sample from '../../verifier/src/warmUp/sample.json' with { type: 'json' }

async function replay(inputs: { payload: Hex; sender: `0x${string}` }[]) {
  const verifier = await createVerifier({ rootAuthorities: [addresses.rootAuthority] })
  const results = []
  for (const [i, { payload, sender }] of inputs.entries()) results.push(await verifier.advance({ metadata: metadataAt(i, sender), payload }))
  const database = verifier.exportDatabase()
  verifier.close()
  return { results, database }
}

describe('warm-up', () => {
  it('leaves state and outputs byte-identical to a run without it', async () => {
    const scenario = await createScenario()
    const presentation = await presentFor(scenario.licence, licenceReveal, { sender: addresses.doctor, nonce: nonce(1) })
    const inputs = [
      { payload: encodeInput(accreditAction(scenario.parties.school, addresses.schoolController)), sender: addresses.rootAuthority },
      { payload: submit(presentation, 1), sender: addresses.doctor },
      { payload: submit(presentation, 1), sender: addresses.doctor },
    ]
    const before = await replay(inputs)
    await warmUp({})
    const after = await replay(inputs)
    expect(Buffer.from(after.database).equals(Buffer.from(before.database))).toBe(true)
    expect(after.results).toEqual(before.results)
    expect(after.results.map((r) => r.status)).toEqual(['accept', 'accept', 'reject'])
  })

  it('fails with ERR_VERIFIER_WARM_UP_FAILED, naming the input and why, when the sample no longer verifies', async () => {
    const stale = structuredClone(sample) as WarmUpSample
    const last = stale.inputs.at(-1) as WarmUpSample['inputs'][number]
    last.payload = stringToHex('not an input')
    await expect(warmUp({ sample: stale })).rejects.toMatchObject({ code: 'ERR_VERIFIER_WARM_UP_FAILED', message: expect.stringMatching(/input 2 was rejected \(ERR_CARTESI_INPUT_MALFORMED/) })
  })
})
