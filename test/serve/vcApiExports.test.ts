/**
 * What a user composing the VC-API handler in a server of their own imports from
 * `medcred/node`: the handler's type, its request log entry, its defaults, and the shapes of
 * its answers. Checked at the type level (the typecheck fails when a name goes missing or
 * changes shape) and, for the values, at run time.
 */
import type { RequestListener } from 'node:http'
import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  type CredentialVerificationResponse,
  createVcApiHandler,
  defaultMaxBodyBytes,
  type IgnoredOptionCode,
  type PresentationVerificationResponse,
  type VcApiHandler,
  type VcApiOptions,
  type VcApiRequestLog,
  vcApiDefaults,
  type VerificationProblem,
} from 'medcred/node'
import { defaultLimits } from '../../src/verify/checks/readUntrustedJson.js'

describe("medcred/node: the VC-API handler's public surface", () => {
  it('types: the handler is a request listener with start and close, made from the options', () => {
    expectTypeOf(createVcApiHandler).parameter(0).toEqualTypeOf<VcApiOptions>()
    expectTypeOf(createVcApiHandler).returns.toEqualTypeOf<VcApiHandler>()
    expectTypeOf<VcApiHandler>().toExtend<RequestListener>()
    expectTypeOf<VcApiHandler['start']>().returns.toEqualTypeOf<Promise<void>>()
    expectTypeOf<VcApiHandler['close']>().returns.toEqualTypeOf<Promise<void>>()
  })

  it('types: the request log entry is what onRequestEnd receives', () => {
    expectTypeOf<NonNullable<VcApiOptions['onRequestEnd']>>().parameter(0).toEqualTypeOf<VcApiRequestLog>()
    expectTypeOf<VcApiRequestLog['outcome']>().toEqualTypeOf<'answered' | 'client-gone'>()
    expectTypeOf<VcApiRequestLog['status']>().toEqualTypeOf<number | undefined>()
  })

  it('types: the verification answers list their problems as RFC 9457 problem details', () => {
    expectTypeOf<CredentialVerificationResponse['errors']>().toEqualTypeOf<VerificationProblem[]>()
    expectTypeOf<PresentationVerificationResponse['warnings']>().toEqualTypeOf<VerificationProblem[]>()
    expectTypeOf<VerificationProblem>().toHaveProperty('type').toEqualTypeOf<string>()
    expectTypeOf<VerificationProblem>().toHaveProperty('detail').toEqualTypeOf<string>()
    expectTypeOf<IgnoredOptionCode>().toEqualTypeOf<'ERR_SERVE_OPTION_UNKNOWN' | 'ERR_SERVE_CHECK_UNKNOWN'>()
  })

  it('default: the defaults, the depth bound being the library\'s', () => {
    expect({ ...vcApiDefaults, maxBodyBytes: defaultMaxBodyBytes }).toEqual({
      maxDepth: defaultLimits.maxDepth,
      queuePerWorker: 16,
      deadlineSeconds: 4,
      bodyTimeoutSeconds: 10,
      heavyBodyBytes: 64 * 1024,
      heavyBodyNodes: 64,
      maxBodyBytes: 1024 * 1024,
    })
  })
})
