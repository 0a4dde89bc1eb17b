/**
 * The scoped http-on-loopback switch: the libraries' process-wide `allowInsecureUrls` is on
 * only while a call that allows loopback runs, synchronous or not, nested or failing.
 */
import { getGlobalConfig } from '@openid4vc/utils'
import { describe, expect, it } from 'vitest'
import { isAllowedUrl, isHttpLoopbackUrl, withUrlPolicy } from '../../../src/openid4vc/urlPolicy.js'

const loopback = { allowHttpLoopback: true }
const switchOn = () => getGlobalConfig().allowInsecureUrls

describe('withUrlPolicy', () => {
  it('default: a synchronous call runs with the switch on, and it is off again when it returns', () => {
    expect(withUrlPolicy(loopback, switchOn)).toBe(true)
    expect(switchOn()).toBe(false)
  })

  it('default: an asynchronous call keeps it on until its promise settles, nested calls until the last ends', async () => {
    let release = () => {}
    const outer = withUrlPolicy(loopback, () => new Promise<void>((resolve) => (release = resolve)))
    expect(withUrlPolicy(loopback, switchOn)).toBe(true)
    expect(switchOn()).toBe(true)
    release()
    await outer
    expect(switchOn()).toBe(false)
  })

  it('default: a call without loopback leaves the switch as it is', () => {
    expect(withUrlPolicy({ allowHttpLoopback: false }, switchOn)).toBe(false)
  })

  it('error: a failing call, synchronous or not, turns it off again', async () => {
    expect(() =>
      withUrlPolicy(loopback, () => {
        throw new Error('sync')
      }),
    ).toThrow('sync')
    expect(switchOn()).toBe(false)
    await expect(withUrlPolicy(loopback, async () => Promise.reject(new Error('async')))).rejects.toThrow('async')
    expect(switchOn()).toBe(false)
  })
})

describe('isAllowedUrl', () => {
  it('default: https always; http on loopback only when allowed', () => {
    expect(isAllowedUrl('https://school.example/x', { allowHttpLoopback: false })).toBe(true)
    expect(isAllowedUrl('http://127.0.0.1:8080/x', { allowHttpLoopback: false })).toBe(false)
    expect(isAllowedUrl('http://127.0.0.1:8080/x', loopback)).toBe(true)
    expect(isAllowedUrl('http://[::1]/x', loopback)).toBe(true)
    expect(isAllowedUrl('http://school.example/x', loopback)).toBe(false)
    expect(isAllowedUrl('not a url', loopback)).toBe(false)
    expect(isHttpLoopbackUrl('http://localhost.school.example/')).toBe(false)
  })
})
