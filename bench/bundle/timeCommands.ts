/**
 * @module
 * Wall time of whole commands (process start to exit), timed together: every round runs each
 * command once, in turn, so all of them see the same machine load, and the medians compare.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** A command to time; it must exit 0. */
export type TimedCommand = { name: string; file: string; args: readonly string[]; cwd: string }

/**
 * Runs every command `rounds` times (after one untimed warm-up round, which also checks that each
 * exits 0) and returns each one's median wall time in milliseconds.
 *
 * @throws the failure of a command that does not exit 0
 */
export async function timeCommands(commands: readonly TimedCommand[], rounds: number): Promise<Map<string, number>> {
  const samples = new Map(commands.map((command) => [command.name, [] as number[]]))
  for (let round = -1; round < rounds; round++) {
    for (const command of commands) {
      const started = performance.now()
      await run(command.file, [...command.args], { cwd: command.cwd, maxBuffer: 64 * 1024 * 1024 })
      if (round >= 0) samples.get(command.name)!.push(performance.now() - started)
    }
  }
  return new Map([...samples].map(([name, times]) => [name, median(times)]))
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
