/**
 * `medcred devnode`: starts the stack, says where everything is, serves the node API, keeps
 * its data directory, and stops cleanly; a restart on the same data directory with another
 * chain is refused with a clear message.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DevnodeModule } from '../../src/cli/commands/devnode.js'
import { runCli } from '../../src/cli/runCli.js'
import type * as devnodeModule from '../../verifier/src/devnode/startDevnode.js'

/**
 * The CLI loads the dev node by a computed path (the library build leaves verifier/ out); this
 * fails to compile when the two drift apart. Exported only so that `noUnusedLocals` sees it used.
 */
type Assignable<T extends U, U> = T
export type CliViewOfDevnode = Assignable<typeof devnodeModule, DevnodeModule>

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'medcred-devnode-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

async function devnode(argv: string[], whileRunning: (stdout: () => string) => Promise<void>) {
  let stdout = ''
  let stderr = ''
  let stop = () => {}
  const stopped = new Promise<void>((resolve) => (stop = resolve))
  const code = runCli(['devnode', ...argv], {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    stdin: async () => '',
    env: {},
    untilStopped: () => stopped,
  })
  const ready = (async () => {
    while (!stdout.includes('Ctrl-C stops it.')) {
      if (stderr) return
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    await whileRunning(() => stdout)
    stop()
  })()
  const exit = await code
  stop()
  await ready
  return { code: exit, stdout, stderr }
}

describe('medcred devnode', () => {
  it('default: prints the addresses, serves JSON-RPC, writes its data directory, stops', async () => {
    const run = await devnode(['--data-dir', join(dir, 'data'), '--epoch-length', '2'], async (stdout) => {
      const rpc = /node JSON-RPC\s+(\S+)/.exec(stdout())?.[1] as string
      const application = /application\s+(0x[0-9a-fA-F]{40})/.exec(stdout())?.[1] as string
      const answer = await fetch(rpc, { method: 'POST', body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'cartesi_getProcessedInputCount', params: { application } }) })
      expect(await answer.json()).toEqual({ jsonrpc: '2.0', id: 1, result: { data: '0x0' } })
    })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/InputBox\s+0x1b51e2992A2755Ba4D6F7094032DF91991a0Cfac/)
    expect(run.stdout).toContain('medcred dev node stopped')
    expect(await readdir(join(dir, 'data'))).toContain('devnode.json')
  }, 60_000)

  it('error: a data directory from another chain is refused with exit 1 and one line', async () => {
    const run = await devnode(['--data-dir', join(dir, 'data')], async () => {})
    expect(run.code).toBe(1)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(/belongs to another chain/)
  }, 60_000)

  it('error: bad options exit 2', async () => {
    const run = await devnode(['--epoch-length', '0'], async () => {})
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/--epoch-length/)
  })
})
