/**
 * Type-level tests of the error codes: each union holds exactly its codes, `instanceof` then
 * `switch (error.code)` narrows, a code an error cannot carry does not compile, and the error
 * constructors take their facts, typed. Checked by `npm run typecheck` (tsconfig.json includes
 * test/); never run by vitest.
 */
import {
  DidError,
  type DidErrorCode,
  InvalidKeyError,
  type KeyErrorCode,
  MedcredError,
  type MedcredErrorCode,
  StatusListError,
  type VerificationCheck,
  type VerificationCheckCode,
  type VerifyErrorCode,
} from 'medcred'
import { type CartesiClientErrorCode, type CartesiErrorCode, InputDecodeError, NodeRequestError, ProtocolEncodeError } from 'medcred/cartesi'
import { type CliErrorCode, OpenId4VciRequestError, type ServeErrorCode, VcApiRequestError } from 'medcred/node'
import { describe, expectTypeOf, it } from 'vitest'
import { CliError, CliUsageError } from '../../src/cli/errors.js'
import { type DevnodeErrorCode, DevnodeFileCorruptError } from '../../verifier/src/devnode/errors.js'
import {
  DealInvalidError,
  DealUnknownError,
  InputRejectedError,
  type InputRejectionCode,
  IssuerKeyInvalidError,
  type VerifierErrorCode,
} from '../../verifier/src/errors.js'

declare const thrown: unknown

describe('code unions', () => {
  it('holds exactly the codes of its area', () => {
    expectTypeOf<DidErrorCode>().toEqualTypeOf<
      | 'ERR_DID_MALFORMED'
      | 'ERR_DID_METHOD_NOT_SUPPORTED'
      | 'ERR_DID_NOT_FOUND'
      | 'ERR_DID_VERIFICATION_METHOD_NOT_FOUND'
      | 'ERR_DID_RESOLUTION_FAILED'
      | 'ERR_DID_PUBLIC_KEY_MALFORMED'
      | 'ERR_DID_OPTIONS_INVALID'
    >()
    expectTypeOf<CartesiClientErrorCode>().toEqualTypeOf<'ERR_CARTESI_NODE_REQUEST' | 'ERR_CARTESI_WAIT_TIMEOUT' | 'ERR_CARTESI_TRANSACTION_FAILED'>()
    expectTypeOf<CartesiErrorCode>().toEqualTypeOf<
      | 'ERR_CARTESI_INPUT_TOO_LARGE'
      | 'ERR_CARTESI_INPUT_MALFORMED'
      | 'ERR_CARTESI_INPUT_VERSION'
      | 'ERR_CARTESI_ACTION_UNKNOWN'
      | 'ERR_CARTESI_NOTICE_MALFORMED'
      | 'ERR_CARTESI_PARAMETER_INVALID'
      | 'ERR_CARTESI_CLAIM_TIMEOUT'
    >()
    expectTypeOf<'ERR_KEY_WRONG_PASSPHRASE'>().toExtend<KeyErrorCode>()
    expectTypeOf<'ERR_VERIFY_EXPIRED' | 'ERR_VERIFY_INPUT_TOO_DEEP' | 'ERR_VERIFY_OPTIONS_INVALID'>().toExtend<VerifyErrorCode>()
    expectTypeOf<'ERR_VERIFIER_DEAL_UNKNOWN' | 'ERR_VERIFIER_STATE_INVALID'>().toExtend<VerifierErrorCode>()
    expectTypeOf<'ERR_DEVNODE_DEPLOYMENT_FAILED'>().toExtend<DevnodeErrorCode>()
  })

  it('MedcredErrorCode is every area of the library, and nothing else', () => {
    expectTypeOf<DidErrorCode | KeyErrorCode | VerifyErrorCode | CartesiErrorCode | CartesiClientErrorCode>().toExtend<MedcredErrorCode>()
    expectTypeOf<'ERR_CLI_USAGE' | 'ERR_SERVE_BUSY'>().toExtend<MedcredErrorCode>()
    expectTypeOf<ServeErrorCode>().toExtend<MedcredErrorCode>()
    expectTypeOf<'ERR_SERVE_BUSY' | 'ERR_SERVE_INTERNAL' | 'ERR_SERVE_OPTION_UNKNOWN'>().toExtend<ServeErrorCode>()
    // @ts-expect-error: not a code of the service
    expectTypeOf<'ERR_SERVE_BUSSY'>().toExtend<MedcredErrorCode>()
    expectTypeOf<'ERR_NOT_A_CODE'>().not.toExtend<MedcredErrorCode>()
    // The verifier's own codes are its unions', not the library's.
    expectTypeOf<'ERR_VERIFIER_NONCE_USED'>().not.toExtend<MedcredErrorCode>()
    expectTypeOf<VerifierErrorCode | MedcredErrorCode>().toEqualTypeOf<InputRejectionCode>()
  })

  it('CliErrorCode is every code the command ends with; no other ERR_CLI_ code is one', () => {
    expectTypeOf<CliErrorCode>().toExtend<MedcredErrorCode>()
    expectTypeOf<'ERR_CLI_USAGE' | 'ERR_CLI_FILE_UNREADABLE' | 'ERR_CLI_INPUT_REJECTED' | 'ERR_CLI_LISTEN_FAILED'>().toExtend<CliErrorCode>()
    // Once a prefix (`ERR_CLI_${string}`): now a misspelt code does not compile.
    expectTypeOf<'ERR_CLI_FILE_UNREADBLE'>().not.toExtend<MedcredErrorCode>()
    // @ts-expect-error: not a code of the command
    expectTypeOf<'ERR_CLI_NOT_A_CODE'>().toExtend<CliErrorCode>()
  })
})

describe('narrowing', () => {
  it('instanceof narrows code to the class', () => {
    if (thrown instanceof DidError) {
      expectTypeOf(thrown.code).toEqualTypeOf<Exclude<DidErrorCode, 'ERR_DID_PUBLIC_KEY_MALFORMED' | 'ERR_DID_OPTIONS_INVALID'>>()
      switch (thrown.code) {
        case 'ERR_DID_NOT_FOUND':
          expectTypeOf(thrown.code).toEqualTypeOf<'ERR_DID_NOT_FOUND'>()
          break
        // @ts-expect-error: a DidError never carries a key code
        case 'ERR_KEY_WRONG_PASSPHRASE':
          break
      }
    }
    if (thrown instanceof NodeRequestError) expectTypeOf(thrown.code).toEqualTypeOf<'ERR_CARTESI_NODE_REQUEST'>()
    if (thrown instanceof ProtocolEncodeError) expectTypeOf(thrown.code).toEqualTypeOf<'ERR_CARTESI_PARAMETER_INVALID'>()
    if (thrown instanceof DevnodeFileCorruptError) expectTypeOf(thrown.code).toEqualTypeOf<'ERR_DEVNODE_FILE_CORRUPT'>()
    if (thrown instanceof InputRejectedError) expectTypeOf(thrown.code).toEqualTypeOf<InputRejectionCode>()
    if (thrown instanceof CliUsageError) expectTypeOf(thrown.code).toEqualTypeOf<'ERR_CLI_USAGE'>()
    if (thrown instanceof CliError) {
      expectTypeOf(thrown.code).toEqualTypeOf<Exclude<CliErrorCode, 'ERR_CLI_USAGE'>>()
      switch (thrown.code) {
        case 'ERR_CLI_PASSPHRASE_MISSING':
          expectTypeOf(thrown.code).toEqualTypeOf<'ERR_CLI_PASSPHRASE_MISSING'>()
          break
        // @ts-expect-error: a wrong command line is a CliUsageError, not a CliError
        case 'ERR_CLI_USAGE':
          break
      }
    }
  })

  it('a switch over a class with several codes is exhaustive', () => {
    function advice(error: InvalidKeyError): string {
      switch (error.code) {
        case 'ERR_KEY_UNSUPPORTED_TYPE':
        case 'ERR_KEY_INVALID_DOCUMENT':
        case 'ERR_KEY_INVALID_MULTIBASE':
          return 'check the key'
        case 'ERR_KEY_TYPE_MISMATCH':
        case 'ERR_KEY_SECRET_MISMATCH':
        case 'ERR_KEY_SECRET_MISSING':
          return 'use the matching key pair'
        default:
          expectTypeOf(error.code).toBeNever()
          return error.code
      }
    }
    expectTypeOf(advice).returns.toBeString()
  })

  // The base class is open to an application's own codes, so its `code` completes the library's
  // codes but narrows only through a subclass (or a value typed MedcredErrorCode).
  it('the base class offers the library codes and takes an application its own', () => {
    if (thrown instanceof MedcredError) {
      expectTypeOf(thrown.code).toEqualTypeOf<MedcredErrorCode | (string & {})>()
      expectTypeOf(thrown.docsPath).toBeString()
    }
    expectTypeOf(MedcredError.find(thrown)).toEqualTypeOf<MedcredError | undefined>()
    expectTypeOf(new MedcredError('ERR_CLINIC_STATE_UNREADABLE', 'An application error.')).toExtend<MedcredError>()
    const code = 'ERR_VERIFY_EXPIRED' as MedcredErrorCode
    if (code === 'ERR_VERIFY_EXPIRED') expectTypeOf(code).toEqualTypeOf<'ERR_VERIFY_EXPIRED'>()
    // @ts-expect-error: not a code of the library
    if (code === 'ERR_VERIFY_EXPIRD') expectTypeOf(code).toBeNever()
  })
})

describe('constructors take the facts, not a message', () => {
  it('types each fact', () => {
    expectTypeOf(new DealUnknownError({ dealId: 1n }).code).toEqualTypeOf<'ERR_VERIFIER_DEAL_UNKNOWN'>()
    // @ts-expect-error: a deal id is a bigint, as the protocol decodes it
    new DealUnknownError({ dealId: 1 })
    // @ts-expect-error: no (code, message) constructor: the class writes its message
    new DealUnknownError('ERR_VERIFIER_DEAL_UNKNOWN', 'There is no deal 1.')
    new IssuerKeyInvalidError({ reason: 'inUse', keyId: 'did:key:z#k' })
    // @ts-expect-error: each reason names the facts its message needs
    new IssuerKeyInvalidError({ reason: 'inUse' })
    expectTypeOf(new DealInvalidError({ term: 'amount', to: 'fund' }).term).toEqualTypeOf<DealInvalidError['term']>()
    // @ts-expect-error: an amount is funded or withdrawn
    new DealInvalidError({ term: 'amount', to: 'spend' })
  })

  it('a reason decides the code of a class with several', () => {
    expectTypeOf(new InvalidKeyError({ reason: 'secretMissing', id: 'did:key:z#z' }).reason).toEqualTypeOf<InvalidKeyError['reason']>()
    // @ts-expect-error: no (code, message) constructor: the class writes its message
    new InvalidKeyError('ERR_KEY_SECRET_MISSING', 'Key "did:key:z#z" has no secret key to export.')
    // @ts-expect-error: each reason names the facts its message needs
    new InputDecodeError({ reason: 'version', version: 2 })
    new StatusListError({ reason: 'listFull', id: 'https://school.example/status/1' })
    expectTypeOf(new VcApiRequestError({ reason: 'bodyTooLarge', maxBytes: 1 }).code).toEqualTypeOf<VcApiRequestError['code']>()
    expectTypeOf(new CliError({ reason: 'dealClosed', dealId: 1n }).reason).toEqualTypeOf<CliError['reason']>()
    // @ts-expect-error: no (code, message) constructor: the class writes its message
    new CliError('ERR_CLI_DEAL_CLOSED', 'Deal 1 is closed.')
    // @ts-expect-error: each reason names the facts its message needs
    new CliError({ reason: 'dealClosed' })
    // @ts-expect-error: no (message) constructor either: a usage error takes its reason
    new CliUsageError('--presentation needs --challenge.')
    new CliUsageError({ reason: 'needs', option: '--presentation', needed: '--challenge' })
    expectTypeOf(new OpenId4VciRequestError({ reason: 'nonceInvalid' }).code).toEqualTypeOf<OpenId4VciRequestError['code']>()
    // @ts-expect-error: no (code, description) constructor
    new OpenId4VciRequestError('ERR_OID4VCI_NONCE_INVALID', 'The nonce is unknown.')
    // @ts-expect-error: a library's refusal maps to a request code, never the options code
    new OpenId4VciRequestError({ reason: 'libraryRefused', code: 'ERR_OID4VCI_OPTIONS_INVALID', description: 'x', error: undefined })
  })
})

describe('failed checks', () => {
  it('carry a code of the library, and a switch on it narrows', () => {
    const check = {} as Extract<VerificationCheck, { ok: false }>
    expectTypeOf(check.code).toEqualTypeOf<VerificationCheckCode>()
    expectTypeOf<VerifyErrorCode | 'ERR_DID_NOT_FOUND' | 'ERR_CONTEXT_NOT_BUNDLED'>().toExtend<VerificationCheckCode>()
    expectTypeOf<VerificationCheckCode>().toExtend<MedcredErrorCode>()
    // Still a string for callers that read it as one.
    expectTypeOf(check.code).toExtend<string>()
    // @ts-expect-error: no check carries this code
    if (check.code === 'ERR_VERIFY_EXPIRD') expectTypeOf(check.code).toBeNever()
  })
})
