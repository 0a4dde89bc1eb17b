/**
 * Type-level tests of the central public functions: what each requires, what it accepts as
 * optional (`x?: T | undefined`, under exactOptionalPropertyTypes), what it returns, and calls
 * that must not compile. A `@ts-expect-error` line fails the type check when the types loosen
 * and the wrong call starts compiling. Checked by `npm run typecheck`; never run by vitest.
 */
import {
  type CredentialVerificationResult,
  type DidDocumentResolver,
  type DocumentLoader,
  type KeyPair,
  type VerifiableCredential,
  deriveCredential,
  type DeriveCredentialParameters,
  issueCredential,
  type IssueCredentialParameters,
  verifyCredential,
  type VerifyCredentialParameters,
} from 'medcred'
import {
  createVerifierClient,
  type InputOutcome,
  type SendInputParameters,
  sendInput,
  type VerifierClient,
  waitForInput,
} from 'medcred/cartesi'
import type { Address, Chain, Hex, PublicClient, Transport } from 'viem'
import { describe, expectTypeOf, it } from 'vitest'

declare const didResolver: DidDocumentResolver
declare const documentLoader: DocumentLoader
declare const issuerKey: KeyPair<'Bls12381G2'>
declare const signed: VerifiableCredential
declare const publicClient: PublicClient<Transport, Chain>
declare const application: Address

const verifying = { credential: '{}', trustedIssuers: ['did:key:z'], now: new Date(0), didResolver } as const

describe('verifyCredential', () => {
  it('default: the four required options, a result', () => {
    expectTypeOf(verifyCredential(verifying)).resolves.toEqualTypeOf<CredentialVerificationResult>()
    expectTypeOf(verifyCredential).parameter(0).toEqualTypeOf<VerifyCredentialParameters>()
  })

  it('args: optional options take a value or undefined', () => {
    verifyCredential({ ...verifying, statusChecker: undefined, limits: { maxBytes: 1024 }, requiredFields: ['/validUntil'], presentationHeader: new Uint8Array(0) })
    verifyCredential({ ...verifying, trustedIssuers: (did) => (did === 'did:key:z' ? { id: did, types: ['VaccinationCertificate'] } : undefined) })
  })

  it('error: a wrong call does not compile', () => {
    // @ts-expect-error: `now` is required: verification never reads the wall clock
    verifyCredential({ credential: '{}', trustedIssuers: [], didResolver })
    // @ts-expect-error: `now` is a Date
    verifyCredential({ ...verifying, now: '2025-01-01' })
    // @ts-expect-error: an option that does not exist
    verifyCredential({ ...verifying, trustAll: true })
    // @ts-expect-error: a limit is a count
    verifyCredential({ ...verifying, limits: { maxBytes: '64k' } })
  })

  it('behavior: a failed check carries a code and a message', async () => {
    const [check] = (await verifyCredential(verifying)).checks
    if (check && !check.ok) expectTypeOf(check).toExtend<{ code: string; message: string }>()
    // @ts-expect-error: a passed check has no code
    if (check?.ok) check.code
  })
})

describe('issueCredential', () => {
  const issuing = { credential: {}, issuerKey, documentLoader }

  it('default: credential, key and loader; a signed credential', () => {
    expectTypeOf(issueCredential(issuing)).resolves.toEqualTypeOf<VerifiableCredential>()
    expectTypeOf(issueCredential).parameter(0).toEqualTypeOf<IssueCredentialParameters>()
  })

  it('args: mandatory, created and limits are optional', () => {
    issueCredential({ ...issuing, mandatory: ['/issuer'], created: new Date(0), limits: undefined })
  })

  it('error: a wrong call does not compile', () => {
    // @ts-expect-error: the issuer's key is required
    issueCredential({ credential: {}, documentLoader })
    // @ts-expect-error: `created` is a Date, never a wall-clock default
    issueCredential({ ...issuing, created: '2025-01-01T00:00:00Z' })
    // @ts-expect-error: mandatory pointers are a list
    issueCredential({ ...issuing, mandatory: '/issuer' })
  })
})

describe('deriveCredential', () => {
  const deriving = { credential: signed, reveal: ['credentialSubject.vaccine'], documentLoader }

  it('default: credential, reveal and loader; a derived credential', () => {
    expectTypeOf(deriveCredential(deriving)).resolves.toEqualTypeOf<VerifiableCredential>()
    expectTypeOf(deriveCredential).parameter(0).toEqualTypeOf<DeriveCredentialParameters>()
  })

  it('args: the presentation header is text or bytes', () => {
    deriveCredential({ ...deriving, presentationHeader: 'challenge' })
    deriveCredential({ ...deriving, presentationHeader: new Uint8Array(32), limits: { maxDepth: 8 } })
  })

  it('error: a wrong call does not compile', () => {
    // @ts-expect-error: reveal is a list of paths
    deriveCredential({ ...deriving, reveal: 'credentialSubject.vaccine' })
    // @ts-expect-error: the presentation header is not a number
    deriveCredential({ ...deriving, presentationHeader: 42 })
    // @ts-expect-error: the document loader is required
    deriveCredential({ credential: signed, reveal: [] })
  })
})

describe('createVerifierClient', () => {
  const client = createVerifierClient({ publicClient, application, rpcUrl: 'http://127.0.0.1:6751/rpc' })

  it('default: a client with its actions bound', () => {
    expectTypeOf(client).toEqualTypeOf<VerifierClient>()
    expectTypeOf(client.waitForInput).parameters.toEqualTypeOf<[inputIndex: bigint]>()
    expectTypeOf(client.waitForInput(0n)).resolves.toEqualTypeOf<InputOutcome>()
    expectTypeOf(client.send).parameter(0).toEqualTypeOf<SendInputParameters>()
    expectTypeOf(client.challenge).returns.toBeString()
  })

  it('args: optional parameters take a value or undefined', () => {
    createVerifierClient({ publicClient, application, rpcUrl: '', walletClient: undefined, timeout: 1_000, pollingInterval: undefined })
  })

  it('behavior: the unbound actions take (client, parameters)', () => {
    expectTypeOf(waitForInput(client, { inputIndex: 0n })).resolves.toEqualTypeOf<InputOutcome>()
    expectTypeOf(sendInput).parameter(1).toEqualTypeOf<SendInputParameters>()
  })

  it('error: a wrong call does not compile', () => {
    // @ts-expect-error: the node's endpoint is required
    createVerifierClient({ publicClient, application })
    // @ts-expect-error: the application is an address
    createVerifierClient({ publicClient, application: 'verifier', rpcUrl: '' })
    // @ts-expect-error: an input index is a bigint
    client.waitForInput(0)
    // @ts-expect-error: the unbound action takes a parameters object
    waitForInput(client, 0n)
    // @ts-expect-error: not an action of protocol v1
    client.send({ action: 'mintCredential', did: 'did:key:z' })
    // @ts-expect-error: a nonce is hex
    client.challenge('nonce')
    client.challenge('0x00' as Hex)
  })
})
