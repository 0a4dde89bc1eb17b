/**
 * @module
 * Stands in for `node:crypto` in the machine bundle: hashing and HMAC from the host (they
 * are pure functions), every source of randomness from the deterministic stream.
 */
import * as hostCrypto from 'node:crypto'
import { medcredDeterministic } from './deterministicGlobals.js'

export const createHash = hostCrypto.createHash
export const createHmac = hostCrypto.createHmac
export const timingSafeEqual = hostCrypto.timingSafeEqual
export const getRandomValues = medcredDeterministic.getRandomValues
export const webcrypto = medcredDeterministic.crypto
/** What @noble/hashes' `crypto` module exports. */
export const crypto = medcredDeterministic.crypto
export const subtle = medcredDeterministic.crypto.subtle
export const randomFillSync = <T extends ArrayBufferView>(buffer: T): T => getRandomValues(buffer)
export const randomBytes = (size: number): Buffer => Buffer.from(getRandomValues(new Uint8Array(size)))

export default { createHash, createHmac, timingSafeEqual, getRandomValues, webcrypto, subtle, randomFillSync, randomBytes }
