/**
 * `medcred devnode`: starts the stack, says where everything is, serves the node API, keeps
 * its data directory, and stops cleanly; a restart on the same data directory resumes on the
 * same chain; a data directory that fails its checks is refused in one line naming the file.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
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

/** Runs `medcred devnode` in process; `whileRunning` runs once it is ready, then it is stopped (as by Ctrl-C). */
async function devnode(argv: string[], whileRunning: (stdout: () => string) => Promise<void>) {
  let stdout = ''
  let stderr = ''
  let stop = () => {}
  const stopped = new Promise<void>((resolve) => (stop = resolve))
  let printed = () => {}
  const readyOrFailed = new Promise<void>((resolve) => {
    printed = () => {
      if (stdout.includes('Ctrl-C stops it.') || stderr) resolve()
    }
  })
  const code = runCli(['devnode', ...argv], {
    stdout: (text) => {
      stdout += text
      printed()
    },
    stderr: (text) => {
      stderr += text
      printed()
    },
    stdin: async () => '',
    env: {},
    untilStopped: () => stopped,
  })
  const ready = (async () => {
    await Promise.race([readyOrFailed, code])
    try {
      if (stdout.includes('Ctrl-C stops it.')) await whileRunning(() => stdout)
    } finally {
      stop()
    }
  })()
  const exit = await code
  await ready
  return { code: exit, stdout, stderr }
}

describe('medcred devnode', () => {
  let application: string
  it('default: prints the addresses, serves JSON-RPC, writes its data directory, stops', async () => {
    const run = await devnode(['--data-dir', join(dir, 'data'), '--epoch-length', '2'], async (stdout) => {
      const rpc = /node JSON-RPC\s+(\S+)/.exec(stdout())?.[1] as string
      application = /application\s+(0x[0-9a-fA-F]{40})/.exec(stdout())?.[1] as string
      const answer = await fetch(rpc, { method: 'POST', body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'cartesi_getProcessedInputCount', params: { application } }) })
      expect(await answer.json()).toEqual({ jsonrpc: '2.0', id: 1, result: { data: '0x0' } })
    })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/InputBox\s+0x1b51e2992A2755Ba4D6F7094032DF91991a0Cfac/)
    expect(run.stdout).not.toContain('resumed from')
    expect(run.stdout).toContain('medcred dev node stopped')
    expect((await readdir(join(dir, 'data'))).sort()).toEqual(['chain.jsonl', 'devnode.json'])
  }, 60_000)

  it('a restart on the same data directory resumes: the same application, on the same chain', async () => {
    const run = await devnode(['--data-dir', join(dir, 'data')], async (stdout) => {
      const chainRpc = /chain \(JSON-RPC\)\s+(\S+)/.exec(stdout())?.[1] as string
      // The application's code is still there: the chain was rebuilt, not redeployed.
      const answer = await fetch(chainRpc, { method: 'POST', body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_getCode', params: [application, 'latest'] }) })
      expect(((await answer.json()) as { result: string }).result).toMatch(/^0x[0-9a-f]{100,}$/)
    })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/resumed from\s+\S+ \(0 inputs, next block \d+\)/)
    expect(/application\s+(0x[0-9a-fA-F]{40})/.exec(run.stdout)?.[1]).toBe(application)
  }, 60_000)

  it('error: a data directory that fails its checks is refused with exit 1 and one line naming the file', async () => {
    const state = join(dir, 'data', 'devnode.json')
    await writeFile(state, (await readFile(state, 'utf8')).replace('"nextBlock":', '"nextBlock":,'))
    const run = await devnode(['--data-dir', join(dir, 'data')], async () => {})
    expect(run.code).toBe(1)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).toContain(`error: The dev node's data file ${state} is corrupt: it is not JSON (`)
    expect(run.stderr).toMatch(/\[ERR_DEVNODE_FILE_CORRUPT\]$/m)
  }, 60_000)

  it('error: bad options exit 2', async () => {
    for (const options of [['--epoch-length', '0'], ['--chain-port', '70000']]) {
      const run = await devnode(options, async () => {})
      expect(run.code).toBe(2)
      expect(run.stderr).toContain(options[0])
    }
  })
})
