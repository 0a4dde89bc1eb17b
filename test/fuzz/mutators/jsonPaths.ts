/**
 * Paths into a parsed presentation, and edits at a path on a copy (the pool stays pristine).
 */
export type JsonPath = readonly (string | number)[]

/** Every path below the root, containers included, in document order. */
export function pathsOf(value: unknown, prefix: JsonPath = []): JsonPath[] {
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, inner]) => {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key]
    return [path, ...pathsOf(inner, path)]
  })
}

export const getAt = (root: unknown, path: JsonPath): unknown => path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined), root)

/** A deep copy of `root` with `edit` applied to the parent of `path` (skipped when the path no longer exists). */
export function editAt(root: Record<string, unknown>, path: JsonPath, edit: (parent: Record<string | number, unknown>, key: string | number) => void): Record<string, unknown> {
  const copy = structuredClone(root)
  const parent = getAt(copy, path.slice(0, -1))
  if (parent !== null && typeof parent === 'object') edit(parent as Record<string | number, unknown>, path.at(-1) as string | number)
  return copy
}

export const setAt = (root: Record<string, unknown>, path: JsonPath, value: unknown) =>
  editAt(root, path, (parent, key) => {
    parent[key] = structuredClone(value)
  })
