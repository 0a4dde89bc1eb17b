/**
 * Every mutator the fuzzer draws from. A new action adds its mutators here.
 */
import type { Mutator } from '../fuzzCase.js'
import { actionMutators } from './actions.js'
import { dealMutators } from './deals.js'
import { envelopeMutators } from './envelope.js'
import { presentationMutators } from './presentation.js'
import { reencodingMutators } from './reencodings.js'

export const mutators: readonly Mutator[] = [...envelopeMutators, ...actionMutators, ...dealMutators, ...presentationMutators, ...reencodingMutators]
