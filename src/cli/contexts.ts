/**
 * @module
 * The `--context <manifest.json>` option every command that reads or writes credentials
 * takes: extra JSON-LD contexts, pinned by SHA-256 in a manifest of contexts/manifest.json's
 * format, served beside the bundled ones and never fetched.
 */
import { Option } from 'commander'
import type { PinnedContext } from '../contexts/types.js'
import { callerPath } from './callerPath.js'
import { CliError } from './errors.js'
import type { CliIo } from './io.js'

/** What a command with {@link contextOption} receives. */
export type ContextOptions = { context: string[] }

/** The repeatable `--context <manifest.json>` option (default: none), for `addOption`. */
export function contextOption(): Option {
  return new Option('--context <manifest.json>', 'a manifest of extra JSON-LD contexts pinned by SHA-256 ({ "<url>": { "file", "sha256" } }, files beside it); repeatable')
    .argParser((value: string, previous: string[]) => [...previous, value])
    .default([], 'none')
}

/**
 * Reads every `--context` manifest and checks each context against its SHA-256 (the document
 * loader's check) before the command does anything else: a tampered file stops it at once.
 *
 * @throws {ContextManifestError} a missing or malformed manifest, a missing context file.
 * @throws {ContextIntegrityError} `ERR_CONTEXT_INTEGRITY` when a file does not match its pin.
 * @throws {CliError} `ERR_CLI_CONTEXT_CONFLICT` when two manifests pin one URL differently.
 */
export async function readContextOptions(io: CliIo, manifests: readonly string[]): Promise<PinnedContext[]> {
  // Loaded when a command runs, not when it is registered (runCli.ts says why).
  const { readPinnedContexts } = await import('../contexts/readPinnedContexts.js')
  const { createDocumentLoader } = await import('../contexts/createDocumentLoader.js')
  const byUrl = new Map<string, { context: PinnedContext; manifest: string }>()
  for (const manifest of manifests.map((path) => callerPath(io.env, path))) {
    for (const context of await readPinnedContexts(manifest)) {
      const seen = byUrl.get(context.url)
      if (seen === undefined) byUrl.set(context.url, { context, manifest })
      else if (seen.context.sha256.toLowerCase() !== context.sha256.toLowerCase() || seen.context.text !== context.text) {
        throw new CliError({ reason: 'contextConflict', url: context.url, manifests: [seen.manifest, manifest] })
      }
    }
  }
  const contexts = [...byUrl.values()].map(({ context }) => context)
  createDocumentLoader({ contexts })
  return contexts
}
