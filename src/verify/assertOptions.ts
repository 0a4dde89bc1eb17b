/**
 * @module
 * The checks of verifyCredential's and verifyPresentation's options, run before anything
 * else: a wrong option is the caller's mistake, so it throws. Internal to src/verify.
 */
import { proofFeatureOptions } from '../suites/proofFeatures.js'
import { VerifyOptionsError } from './errors.js'
import type { VerificationOptions } from './types.js'

/** Catches misuse early: these are the caller's mistakes, so they throw. */
export function assertOptions(parameters: Partial<VerificationOptions>): void {
  if (!(parameters.now instanceof Date) || Number.isNaN(parameters.now.getTime())) {
    throw new VerifyOptionsError({ option: 'now' })
  }
  if (typeof parameters.didResolver?.resolveDid !== 'function') {
    throw new VerifyOptionsError({ option: 'didResolver' })
  }
  if (!Array.isArray(parameters.trustedIssuers) && typeof parameters.trustedIssuers !== 'function') {
    throw new VerifyOptionsError({ option: 'trustedIssuers' })
  }
  // A misspelt option would refuse every credential quietly.
  const { proofFeatures } = parameters
  if (proofFeatures !== undefined && !(Array.isArray(proofFeatures) && proofFeatures.every((option) => proofFeatureOptions.includes(option)))) {
    throw new VerifyOptionsError({ option: 'proofFeatures', accepted: proofFeatureOptions })
  }
}

