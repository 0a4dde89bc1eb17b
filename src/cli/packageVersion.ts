/**
 * @module
 * The version `medcred --version` prints: read from medcred's package.json when asked, found
 * from this module's own location, so it is right from src/ (tsx) and from dist/ alike.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The `version` of the package.json named `medcred` nearest above this module (src/cli/ in a
 * clone, dist/src/cli/ in the installed package).
 *
 * @returns the version, or `unknown` when no such package.json is found
 */
export function packageVersion(): string {
  let folder = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const manifest = readManifest(join(folder, 'package.json'))
    if (manifest?.name === 'medcred' && typeof manifest.version === 'string') return manifest.version
    const parent = dirname(folder)
    if (parent === folder) return 'unknown'
    folder = parent
  }
}

function readManifest(path: string): { name?: unknown; version?: unknown } | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as { name?: unknown; version?: unknown }
  } catch {
    return undefined
  }
}
