/** The random scalars of the prover: the CSPRNG's, and the IETF BBS draft's mocked ones (../shared/vectors/ietf-bbs). */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { hexToBytes } from '@noble/curves/utils.js'
import { describe, expect, it } from 'vitest'
import { sharedVectorsDir } from '#test/w3cVectors.js'
import { r } from '../../../src/bbs/ciphersuite.js'
import { calculateRandomScalars, mockedRandomScalars } from '../../../src/bbs/randomScalars.js'

const mocked = JSON.parse(readFileSync(join(sharedVectorsDir, 'ietf-bbs', 'bls12-381-sha-256', 'mockedRng.json'), 'utf8')) as { seed: string; dst: string; count: number; mockedScalars: string[] }

describe('mockedRandomScalars', () => {
  it('default: reproduces the draft\'s mocked random scalars', () => {
    const scalars = mockedRandomScalars(hexToBytes(mocked.seed), hexToBytes(mocked.dst))(mocked.count)
    expect(scalars.map((scalar) => scalar.toString(16).padStart(64, '0'))).toEqual(mocked.mockedScalars)
  })
})

describe('calculateRandomScalars', () => {
  it('behavior: draws distinct non-zero scalars', () => {
    const scalars = calculateRandomScalars(8)
    expect(new Set(scalars).size).toBe(8)
    expect(scalars.every((scalar) => scalar > 0n && scalar < r)).toBe(true)
  })
})
