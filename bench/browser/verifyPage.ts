/**
 * @module
 * The page script of the `browser` bench suite (bench/suites/browser.ts), bundled by esbuild
 * for the browser and run in Chromium. It imports `medcred`, as an application would, and
 * exposes `window.medcredBench`: the suite hands it a derived credential and the verifier's
 * options once, then asks for one timed verification per round. Each time is read in the
 * page, so the DevTools round trip that carries the request is not counted.
 */
import { bbs, createDidResolver, verifyCredential } from 'medcred'

/** What the suite hands the page: the derived credential and the verifier's options, as JSON values. */
export type BrowserVerifyInput = {
  credential: unknown
  trustedIssuers: string[]
  /** The verifier's clock, ISO 8601 (a `Date` does not cross into the page as one). */
  now: string
  presentationHeader: string
}

/** One verification in the page: its wall time, its verdict, the checks that failed, and the BBS arithmetic it ran on. */
export type BrowserVerifyTiming = { ms: number; verified: boolean; failed: string[]; arithmetic: 'webassembly' | 'bigint' }

export type MedcredBench = {
  load(input: BrowserVerifyInput): void
  verifyOnce(): Promise<BrowserVerifyTiming>
}

declare global {
  interface Window {
    medcredBench?: MedcredBench
  }
}

// did:key only, as in Node's run: the issuer's key is in its DID, nothing is fetched.
const didResolver = createDidResolver()
let loaded: (Omit<BrowserVerifyInput, 'now'> & { now: Date }) | undefined

window.medcredBench = {
  load(input) {
    loaded = { ...input, now: new Date(input.now) }
  },
  async verifyOnce() {
    if (!loaded) throw new Error('medcredBench: load() a credential first')
    const { credential, trustedIssuers, now, presentationHeader } = loaded
    const begin = performance.now()
    const result = await verifyCredential({ credential, trustedIssuers, didResolver, now, presentationHeader })
    const ms = performance.now() - begin
    return {
      ms,
      verified: result.verified,
      failed: result.checks.flatMap((check) => (check.ok ? [] : [`${check.name}: ${check.code}: ${check.message}`])),
      arithmetic: bbs.arithmetic(),
    }
  },
}
