// The one function of @digitalbazaar/di-sd-primitives (untyped JavaScript) the wallet calls.
declare module '@digitalbazaar/di-sd-primitives' {
  export function selectJsonLd(options: { document: Record<string, unknown>; pointers: string[]; includeTypes?: boolean }): Record<string, unknown> | null
}
