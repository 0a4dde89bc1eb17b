/**
 * @module
 * Where a relative path given to the CLI is relative to: the caller's folder. The one place
 * that decides it; every file the CLI reads or writes goes through {@link callerPath}.
 */
import { isAbsolute, resolve } from 'node:path'

/**
 * The folder relative paths are resolved from, or `undefined` for the working directory.
 *
 * `npm run medcred -- …` runs the CLI from the package root, having saved the folder it was
 * called from in `INIT_CWD`: that folder is the caller's, so paths typed there resolve from it.
 * `INIT_CWD` is trusted only under medcred's own `medcred` script (npm also sets
 * `npm_lifecycle_event` and `npm_package_name`): every process an npm script starts inherits
 * it, and `medcred` run from another package's script, after a `cd` or in a workspace, must
 * resolve from its own working directory, as that script's author wrote the paths for.
 *
 * @param env - the CLI's environment
 */
export function callerFolder(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const underMedcredScript = env.npm_lifecycle_event === 'medcred' && env.npm_package_name === 'medcred'
  return underMedcredScript && env.INIT_CWD ? env.INIT_CWD : undefined
}

/**
 * A path argument as the CLI opens it: absolute paths and `-` (standard input or output) as
 * given, relative ones from {@link callerFolder} when there is one, else as given (from the
 * working directory).
 *
 * @param env - the CLI's environment
 * @param path - the path the caller typed
 */
export function callerPath(env: Readonly<Record<string, string | undefined>>, path: string): string {
  const folder = callerFolder(env)
  return folder === undefined || path === '-' || isAbsolute(path) ? path : resolve(folder, path)
}
