/**
 * Admin actions with hostile fields, ABI-encoded by hand so that every string field can also
 * carry invalid UTF-8 and every enum an out-of-range value: lookalike DIDs, keys that are not
 * G2 points, huge status arrays, indexes at the uint32 edges. Many are valid, so some accept.
 */
import fc from 'fast-check'
import { type Address, bytesToHex, encodeAbiParameters, type Hex, parseAbiParameters } from 'viem'
import { envelopeParameters } from '../../../src/cartesi/actionParameters.js'
import { actionCodes } from '../../../src/cartesi/protocol.js'
import type { IssuerKey, VerifierAction } from '../../../src/cartesi/types.js'
import type { Mutator } from '../fuzzCase.js'
import type { FuzzPool } from '../fuzzPool.js'
import { hostileStringBytes, isEnvelope } from './values.js'

// The v1 bodies with `bytes` in place of `string`: the same ABI layout, any bytes inside.
const rawBodies = {
  accreditIssuer: parseAbiParameters('bytes did, address controller, bytes[] credentialTypes, (bytes id, bytes publicKey)[] keys, bytes[] statusLists'),
  withdrawIssuer: parseAbiParameters('bytes did'),
  rotateIssuerKeys: parseAbiParameters('bytes did, (bytes id, bytes publicKey)[] add, bytes[] remove'),
  setCredentialStatus: parseAbiParameters('bytes did, bytes statusList, (uint32 index, uint8 status)[] entries'),
}
const envelope = (code: number, body: Hex) => encodeAbiParameters(envelopeParameters, [1, code, body])

/** What the pool's valid actions name: the values a hostile field starts from. */
export function knownValues(pool: FuzzPool) {
  const actions = pool.inputs.filter(isEnvelope).map((input) => input.action)
  const keys: IssuerKey[] = actions.flatMap((action: VerifierAction) => (action.action === 'accreditIssuer' ? action.keys : action.action === 'rotateIssuerKeys' ? action.add : []))
  return {
    dids: [...new Set(actions.flatMap((action) => ('did' in action ? [action.did] : [])))],
    keyIds: [...new Set(keys.map((key) => key.id))],
    publicKeys: [...new Set(keys.map((key) => key.publicKey))],
    statusLists: [...new Set(actions.flatMap((action) => (action.action === 'setCredentialStatus' ? [action.statusList] : action.action === 'accreditIssuer' ? action.statusLists : [])))],
    credentialTypes: ['MedicalLicenseCredential', 'VaccinationCertificate', 'VerifiableCredential'],
  }
}

/** Mostly a sender the action may come from, so some cases get past authorisation. */
const sender = (pool: FuzzPool, likely: readonly Address[]) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...likely) }, { weight: 1, arbitrary: fc.constantFrom(...pool.senders) })
const sendersOf = (pool: FuzzPool, name: VerifierAction['action']) => [...new Set(pool.inputs.filter((input) => isEnvelope(input) && input.action.action === name).map((input) => input.sender))]

const publicKeyBytes = (known: readonly Hex[]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...known) },
    { weight: 1, arbitrary: fc.uint8Array({ minLength: 96, maxLength: 96 }).map(bytesToHex) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map(bytesToHex) },
  )

/** A status list index: the edges of a 4,096-entry chunk and of uint32, or anything. */
const statusIndex = fc.oneof(fc.constantFrom(0, 7, 4_095, 4_096, 2 ** 32 - 1), fc.nat({ max: 200_000 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }))

export const actionMutators: Mutator[] = [
  {
    category: 'setCredentialStatus fields',
    weight: 8,
    arbitrary: (pool) => {
      const known = knownValues(pool)
      const entries = fc.oneof(
        { weight: 6, arbitrary: fc.array(fc.record({ index: statusIndex, status: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 2 }) }, { weight: 1, arbitrary: fc.integer({ min: 3, max: 255 }) }) }), { maxLength: 12 }) },
        // Huge arrays: up to the 64 KiB input bound and past it.
        { weight: 1, arbitrary: fc.record({ count: fc.integer({ min: 500, max: 1_100 }), stride: fc.integer({ min: 1, max: 5_000 }), status: fc.integer({ min: 0, max: 2 }) }).map(({ count, stride, status }) => Array.from({ length: count }, (_, i) => ({ index: (i * stride) % 2 ** 32, status }))) },
      )
      return fc
        .record({ did: hostileStringBytes(known.dids), statusList: hostileStringBytes(known.statusLists), entries, sender: sender(pool, sendersOf(pool, 'setCredentialStatus')) })
        .map(({ did, statusList, entries, sender }) => ({
          category: 'setCredentialStatus fields',
          payload: envelope(actionCodes.setCredentialStatus, encodeAbiParameters(rawBodies.setCredentialStatus, [did, statusList, entries])),
          sender,
        }))
    },
  },
  {
    category: 'accreditIssuer fields',
    weight: 6,
    arbitrary: (pool) => {
      const known = knownValues(pool)
      const key = fc.record({ id: hostileStringBytes(known.keyIds), publicKey: publicKeyBytes(known.publicKeys) })
      return fc
        .record({
          did: hostileStringBytes(known.dids),
          controller: fc.constantFrom(...pool.senders),
          credentialTypes: fc.array(hostileStringBytes(known.credentialTypes), { maxLength: 4 }),
          keys: fc.array(key, { maxLength: 3 }),
          statusLists: fc.array(hostileStringBytes(known.statusLists), { maxLength: 3 }),
          sender: sender(pool, sendersOf(pool, 'accreditIssuer')),
        })
        .map(({ did, controller, credentialTypes, keys, statusLists, sender }) => ({
          category: 'accreditIssuer fields',
          payload: envelope(actionCodes.accreditIssuer, encodeAbiParameters(rawBodies.accreditIssuer, [did, controller, credentialTypes, keys, statusLists])),
          sender,
        }))
    },
  },
  {
    category: 'rotateIssuerKeys fields',
    weight: 4,
    arbitrary: (pool) => {
      const known = knownValues(pool)
      const key = fc.record({ id: hostileStringBytes(known.keyIds), publicKey: publicKeyBytes(known.publicKeys) })
      return fc
        .record({ did: hostileStringBytes(known.dids), add: fc.array(key, { maxLength: 3 }), remove: fc.array(hostileStringBytes(known.keyIds), { maxLength: 3 }), sender: sender(pool, sendersOf(pool, 'rotateIssuerKeys')) })
        .map(({ did, add, remove, sender }) => ({
          category: 'rotateIssuerKeys fields',
          payload: envelope(actionCodes.rotateIssuerKeys, encodeAbiParameters(rawBodies.rotateIssuerKeys, [did, add, remove])),
          sender,
        }))
    },
  },
  {
    category: 'withdrawIssuer fields',
    weight: 2,
    arbitrary: (pool) =>
      fc.record({ did: hostileStringBytes(knownValues(pool).dids), sender: sender(pool, sendersOf(pool, 'withdrawIssuer')) }).map(({ did, sender }) => ({
        category: 'withdrawIssuer fields',
        payload: envelope(actionCodes.withdrawIssuer, encodeAbiParameters(rawBodies.withdrawIssuer, [did])),
        sender,
      })),
  },
]
