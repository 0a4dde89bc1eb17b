import { defineConfig } from 'vitest/config'

export default defineConfig({
  // `medcred`, `medcred/node`, `medcred/cartesi` and `medcred/internal` (what verifier/ and
  // examples/ import) resolve to the source entry files through tsconfig.json `paths`.
  resolve: { tsconfigPaths: true },
  test: {
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    // BBS math is CPU-bound; two workers match the two cores CI has.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
