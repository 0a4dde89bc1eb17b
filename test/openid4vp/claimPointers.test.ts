/**
 * DCQL claims paths as bbs-2023 reveal pointers, and the isomorphism of src/openid4vp (the
 * patient wallet page imports it in browsers: no Node built-in may be imported there).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { claimPathText, claimPointers } from '../../src/openid4vp/claimPointers.js'

const credential = {
  credentialSubject: {
    doseNumber: 2,
    vaccine: { targetDisease: 'measles' },
    doses: [{ date: '2024-01-01' }, { lot: 'A' }, { date: '2024-03-14' }],
    'a/b~c': true,
  },
}

describe('claimPointers', () => {
  it('default: strings are keys, numbers indexes, null every element', () => {
    expect(claimPointers(['credentialSubject', 'vaccine', 'targetDisease'], credential)).toEqual(['/credentialSubject/vaccine/targetDisease'])
    expect(claimPointers(['credentialSubject', 'doses', 2, 'date'], credential)).toEqual(['/credentialSubject/doses/2/date'])
    expect(claimPointers(['credentialSubject', 'doses', null, 'date'], credential)).toEqual(['/credentialSubject/doses/0/date', '/credentialSubject/doses/2/date'])
    expect(claimPointers(['credentialSubject', 'vaccine'], credential)).toEqual(['/credentialSubject/vaccine'])
  })

  it('default: keys are escaped as RFC 6901 says', () => {
    expect(claimPointers(['credentialSubject', 'a/b~c'], credential)).toEqual(['/credentialSubject/a~1b~0c'])
  })

  it('refused: a path naming nothing gives no pointer', () => {
    expect(claimPointers(['credentialSubject', 'recipient', 'name'], credential)).toEqual([])
    expect(claimPointers(['credentialSubject', 'doses', 7], credential)).toEqual([])
    expect(claimPointers(['credentialSubject', 'doseNumber', null], credential)).toEqual([])
    expect(claimPointers(['toString'], credential)).toEqual([])
  })

  it('default: a path as display text', () => {
    expect(claimPathText(['credentialSubject', 'doses', null, 'date'])).toBe('credentialSubject.doses[*].date')
    expect(claimPathText(['credentialSubject', 'doses', 0])).toBe('credentialSubject.doses[0]')
  })
})

describe('src/openid4vp', () => {
  it('default: imports no Node built-in (it runs in browsers)', () => {
    const folder = fileURLToPath(new URL('../../src/openid4vp/', import.meta.url))
    const files = readdirSync(folder).filter((name) => name.endsWith('.ts'))
    expect(files.length).toBeGreaterThan(10)
    for (const name of files) expect(readFileSync(`${folder}${name}`, 'utf8')).not.toMatch(/from '(node:|fs|path|http|crypto)['/]/)
  })
})
