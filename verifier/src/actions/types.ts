/**
 * @module
 * What every action handler receives and returns.
 */
import type { Database } from 'sql.js'
import type { AdvanceMetadata, VerifierConfig, VerifierOutput } from '../types.js'

/** The state and facts an action runs against. */
export type ActionContext = {
  database: Database
  metadata: AdvanceMetadata
  config: VerifierConfig
}

/** An accepted action: its outputs and what its report says it did. */
export type ActionOutcome = {
  outputs: VerifierOutput[]
  result: Record<string, unknown>
}
