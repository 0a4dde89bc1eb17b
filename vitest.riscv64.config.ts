import { defineConfig } from 'vitest/config'

/**
 * The riscv64 lane (`npm run test:riscv64`): the machine build on Debian's riscv64 Node under
 * qemu-user (scripts/riscv64/prepare.sh). Emulation makes each file minutes long; the files run
 * one at a time so their figures (instructions, peak RSS) are not taken on a crowded machine.
 */
export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    include: ['test/riscv64/**/*.test.ts'],
    maxWorkers: 1,
    testTimeout: 1_800_000,
    hookTimeout: 1_800_000,
  },
})
