/**
 * Data-deal inputs with hostile fields, ABI-encoded by hand (strings as `bytes`, so any bytes
 * reach the decoder): deal terms with odd predicates, amounts at the uint256 edges, expiries in
 * the past or past 2^53, consumer keys of the wrong length; funding, closing and withdrawing at
 * the edges of balances and budgets; portal deposits truncated, huge, or from a non-portal.
 * Each field is usually sane, so many cases are accepted and move money the invariants check.
 */
import fc from 'fast-check'
import { type Address, bytesToHex, encodeAbiParameters, type Hex, maxUint256, parseAbiParameters, size, slice, stringToHex, zeroAddress, zeroHash } from 'viem'
import { envelopeParameters } from '../../../src/cartesi/actionParameters.js'
import { encodeErc20Deposit, encodeEtherDeposit } from '../../../src/cartesi/deposits.js'
import { actionCodes, predicateOperators } from '../../../src/cartesi/protocol.js'
import { dealAddresses, firstBlockTimestamp } from '../../fixtures/verifierScenario.js'
import type { Mutator } from '../fuzzCase.js'
import type { FuzzPool } from '../fuzzPool.js'
import { knownValues } from './actions.js'
import { hostileStringBytes } from './values.js'

const createDealFields =
  'bytes credentialType, bytes[] requiredFields, (bytes pointer, uint8 operator, bytes[] values)[] predicates, bytes[] issuers, uint32 maxApprovals, uint256 reward, address asset, uint64 expiresAt'
// The same body with a `bytes` consumer key: a key of the wrong length moves every word after it.
const rawBodies = {
  createDeal: parseAbiParameters(`${createDealFields}, bytes32 consumerKey, uint256 funding`),
  createDealLooseKey: parseAbiParameters(`${createDealFields}, bytes consumerKey, uint256 funding`),
  fundDeal: parseAbiParameters('uint64 dealId, uint256 amount'),
  closeDeal: parseAbiParameters('uint64 dealId'),
  withdraw: parseAbiParameters('address asset, uint256 amount'),
}
const envelope = (code: number, body: Hex) => encodeAbiParameters(envelopeParameters, [1, code, body])

const { consumer, provider1, provider2, etherPortal, erc20Portal, token } = dealAddresses
const pick = <Item>(items: readonly Item[]) => fc.constantFrom(...items)
/** Usually `good`, sometimes anything from `odd`. */
const mostly = <Item>(good: fc.Arbitrary<Item>, odd: fc.Arbitrary<Item>) => fc.oneof({ weight: 5, arbitrary: good }, { weight: 2, arbitrary: odd })

/** Amounts around the pool's balances and budgets, and the uint256 edges where sums overflow. */
const amount = mostly(
  pick([1n, 7n, 100n, 200n, 250n, 1_000n]),
  fc.oneof(pick([0n, 10n ** 18n, 10n ** 18n + 1n, 2n ** 128n, 2n ** 255n, maxUint256 - 1n, maxUint256]), fc.bigInt({ min: 0n, max: maxUint256 })),
)
const dealId = mostly(pick([1n, 2n, 3n, 4n, 5n]), fc.oneof(pick([0n, 6n, 2n ** 53n - 1n, 2n ** 53n, 2n ** 63n, 2n ** 64n - 1n]), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n })))
const anyAddress = fc.uint8Array({ minLength: 20, maxLength: 20 }).map((bytes) => bytesToHex(bytes) as Address)
const asset = mostly(pick<Address>([zeroAddress, token]), fc.oneof(pick<Address>([dealAddresses.consumer, etherPortal]), anyAddress))

/** Pointers: the vaccination's fields, and ones that are not pointers or point at odd places. */
const pointers = [
  '/credentialSubject/vaccine/targetDisease',
  '/credentialSubject/doseNumber',
  '/credentialSubject/seriesSize',
  '/credentialSubject/recipient/name',
  '/credentialSubject',
  '/issuer',
  '/proof/proofValue',
  '/credentialSubject/vaccine/targetDisease/0',
  '/credentialSubject/__proto__',
  '/constructor/prototype',
  '/a~1b~0c',
  '/~2',
  '/',
  '',
  'credentialSubject.doseNumber',
]
/** Predicate values as wire JSON text: canonical ones, other spellings, other types, non-JSON. */
const predicateValues = ['"measles"', '"rubella"', '2', '1', '5', '0', '-1', 'true', 'false', '"2"', '2.0', '1e999', '1E+2', '-0', '0.5', 'null', '{}', '[]', '"\\ud800"', '9007199254740993', '123456789012345678901234567890', '"MEASLES"', ' 2']

/** A predicate: the listed pointers and values as they are, mostly, so many deals with odd terms are created. */
const predicate = fc.record({
  pointer: mostly(pick(pointers).map(stringToHex), hostileStringBytes(pointers)),
  operator: mostly(fc.integer({ min: 1, max: 4 }), fc.oneof(pick([0, 5, 255]), fc.integer({ min: 0, max: 255 }))),
  values: fc.oneof(
    { weight: 8, arbitrary: fc.array(mostly(pick(predicateValues).map(stringToHex), hostileStringBytes(predicateValues)), { minLength: 1, maxLength: 3 }) },
    { weight: 1, arbitrary: fc.array(pick(predicateValues).map(stringToHex), { maxLength: 40 }) },
  ),
})

/** createDeal's fields as raw ABI values: strings as bytes, the operator as its number. */
type RawTerms = {
  credentialType: Hex
  requiredFields: Hex[]
  predicates: { pointer: Hex; operator: number; values: Hex[] }[]
  issuers: Hex[]
  maxApprovals: number
  reward: bigint
  asset: Address
  expiresAt: bigint
  consumerKey: Hex
  funding: bigint
}

/** The pool's deal 1, unfunded, with the given fields replaced, as a raw body. */
function dealBody(pool: FuzzPool, fields: Partial<RawTerms>): Hex {
  const base = pool.deals[0]!
  const text = (value: string) => stringToHex(value)
  const terms: RawTerms = {
    credentialType: text(base.credentialType),
    requiredFields: base.requiredFields.map(text),
    predicates: base.predicates.map((entry) => ({ pointer: text(entry.pointer), operator: predicateOperators[entry.operator], values: entry.values.map((value) => text(JSON.stringify(value))) })),
    issuers: base.issuers.map(text),
    maxApprovals: base.maxApprovals,
    reward: base.reward,
    asset: base.asset,
    expiresAt: base.expiresAt,
    consumerKey: base.consumerKey,
    funding: 0n,
    ...fields,
  }
  const head = [terms.credentialType, terms.requiredFields, terms.predicates, terms.issuers, terms.maxApprovals, terms.reward, terms.asset, terms.expiresAt] as const
  return size(terms.consumerKey) === 32
    ? encodeAbiParameters(rawBodies.createDeal, [...head, terms.consumerKey, terms.funding])
    : encodeAbiParameters(rawBodies.createDealLooseKey, [...head, terms.consumerKey, terms.funding])
}

/** The sender a deal action means, usually; sometimes a provider or a stranger. */
const dealSender = (pool: FuzzPool, likely: Address = consumer) => mostly(fc.constant(likely), pick(pool.senders))

export const dealMutators: Mutator[] = [
  {
    category: 'createDeal fields',
    weight: 6,
    arbitrary: (pool) => {
      const { dids } = knownValues(pool)
      const expiry = pool.deals[0]!.expiresAt
      return fc
        .record({
          credentialType: mostly(fc.constant(undefined), hostileStringBytes(['VaccinationCertificate', 'MedicalLicenseCredential', 'VerifiableCredential'])),
          requiredFields: mostly(fc.constant(undefined), fc.oneof(fc.array(hostileStringBytes(pointers), { maxLength: 4 }), fc.array(hostileStringBytes(pointers), { minLength: 30, maxLength: 40 }))),
          issuers: mostly(fc.constant(undefined), fc.array(hostileStringBytes(dids), { maxLength: 18 })),
          maxApprovals: mostly(fc.constant(undefined), fc.oneof(pick([0, 1, 2 ** 31, 2 ** 32 - 1]), fc.nat({ max: 2 ** 32 - 1 }))),
          reward: mostly(fc.constant(undefined), amount),
          asset: mostly(fc.constant(undefined), asset),
          // Past, the block's own second, and the edges of SQLite's exact integers and of uint64.
          expiresAt: mostly(
            fc.constant(undefined),
            pick([0n, firstBlockTimestamp - 1n, firstBlockTimestamp, firstBlockTimestamp + 12n * 100_000n, expiry + 1n, 2n ** 53n - 1n, 2n ** 53n, 2n ** 63n, 2n ** 64n - 1n]),
          ),
          consumerKey: mostly(
            fc.constant(undefined),
            fc.oneof(fc.constant(zeroHash), fc.uint8Array({ minLength: 32, maxLength: 32 }).map(bytesToHex), fc.uint8Array({ maxLength: 64 }).filter((bytes) => bytes.length !== 32).map(bytesToHex)),
          ),
          funding: fc.oneof(pick([0n, 100n, 250n]), amount, fc.constant(10n ** 18n - 320n)),
          sender: dealSender(pool),
        })
        .map(({ sender, ...fields }) => ({
          category: 'createDeal fields',
          payload: envelope(actionCodes.createDeal, dealBody(pool, Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<RawTerms>)),
          sender,
        }))
    },
  },
  {
    // Otherwise valid deals: whichever is created first after a reset is deal 5, which pool presentations are bound to.
    category: 'deal predicates',
    weight: 4,
    arbitrary: (pool) =>
      fc.record({ predicates: fc.array(predicate, { maxLength: 4 }), funding: pick([0n, 7n, 100n, 1_000n]), reward: pick([1n, 7n, 100n]) }).map((fields) => ({
        category: 'deal predicates',
        payload: envelope(actionCodes.createDeal, dealBody(pool, fields)),
        sender: consumer,
      })),
  },
  {
    category: 'fundDeal fields',
    weight: 3,
    arbitrary: (pool) =>
      fc.record({ dealId, amount, sender: dealSender(pool), late: fc.nat({ max: 9 }) }).map(({ dealId, amount, sender, late }) => ({
        category: 'fundDeal fields',
        payload: envelope(actionCodes.fundDeal, encodeAbiParameters(rawBodies.fundDeal, [dealId, amount])),
        sender,
        blockTimestamp: late === 0 ? pool.deals[0]!.expiresAt + 1n : undefined,
      })),
  },
  {
    category: 'closeDeal fields',
    weight: 2,
    arbitrary: (pool) =>
      // Mostly deal 3 and later ones: closing deals 1 and 2 would starve the submissions to them until the next reset.
      fc.record({ dealId: fc.oneof({ weight: 4, arbitrary: pick([3n, 4n, 5n, 6n]) }, { weight: 1, arbitrary: dealId }), sender: fc.oneof(fc.constant(consumer), pick(pool.senders)), at: fc.nat({ max: 5 }) }).map(({ dealId, sender, at }) => {
        const expiry = pool.deals[0]!.expiresAt
        return {
          category: 'closeDeal fields',
          payload: envelope(actionCodes.closeDeal, encodeAbiParameters(rawBodies.closeDeal, [dealId])),
          sender,
          // The expiry second itself, and the one after: anyone may close from then on.
          blockTimestamp: at === 0 ? expiry : at === 1 ? expiry + 1n : undefined,
        }
      }),
  },
  {
    category: 'withdraw fields',
    weight: 3,
    arbitrary: (pool) =>
      fc.record({ asset, amount: fc.oneof(amount, pick([5_000n, 999_600n, 10n ** 17n, 10n ** 18n - 320n])), sender: fc.oneof(pick([consumer, provider1, provider2]), pick(pool.senders)) }).map(({ asset, amount, sender }) => ({
        category: 'withdraw fields',
        payload: envelope(actionCodes.withdraw, encodeAbiParameters(rawBodies.withdraw, [asset, amount])),
        sender,
      })),
  },
  {
    category: 'deposit fields',
    weight: 5,
    arbitrary: (pool) =>
      fc
        .record({
          ether: fc.boolean(),
          owner: fc.oneof(pick([consumer, provider1, provider2]), anyAddress),
          token: asset,
          amount,
          execLayerData: fc.oneof(fc.constant('0x' as Hex), fc.uint8Array({ maxLength: 80 }).map(bytesToHex)),
          // The portal the layout is for; the other portal; anyone else (a malformed envelope).
          from: fc.oneof({ weight: 8, arbitrary: fc.constant('own' as const) }, { weight: 1, arbitrary: fc.constant('other' as const) }, { weight: 1, arbitrary: pick(pool.senders) }),
          cut: fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.nat({ max: 71 }) }),
        })
        .map(({ ether, owner, token, amount, execLayerData, from, cut }) => {
          const full = ether ? encodeEtherDeposit({ sender: owner, amount, execLayerData }) : encodeErc20Deposit({ token, sender: owner, amount, execLayerData })
          const payload = cut === undefined || cut >= (full.length - 2) / 2 ? full : cut === 0 ? '0x' : slice(full, 0, cut)
          const own = ether ? etherPortal : erc20Portal
          return { category: 'deposit fields', payload, sender: from === 'own' ? own : from === 'other' ? (ether ? erc20Portal : etherPortal) : from }
        }),
  },
]
