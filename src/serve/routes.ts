/**
 * @module
 * The VC-API routes this service answers, by path: the names only, so the main thread can
 * route without loading what the routes run (that happens in the workers).
 */

/** The path of every route, all `POST`. */
export const vcApiRoutes = ['/credentials/issue', '/credentials/derive', '/credentials/verify', '/presentations/verify'] as const

/** One of {@link vcApiRoutes}. */
export type VcApiRoute = (typeof vcApiRoutes)[number]

/** Whether `path` names a route. */
export function isVcApiRoute(path: string): path is VcApiRoute {
  return (vcApiRoutes as readonly string[]).includes(path)
}
