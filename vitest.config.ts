import { configDefaults, defineConfig } from 'vitest/config'

export default defineConfig({
  // `medcred`, `medcred/node`, `medcred/cartesi` and `medcred/internal` (what verifier/ and
  // examples/ import) resolve to the source entry files through tsconfig.json `paths`.
  resolve: { tsconfigPaths: true },
  test: {
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    // The riscv64 lane has its own run: npm run test:riscv64 (vitest.riscv64.config.ts).
    exclude: [...configDefaults.exclude, 'test/riscv64/**'],
    // BBS math is CPU-bound; two workers match the two cores CI has.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
