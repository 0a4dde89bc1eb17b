/**
 * @module
 * Builds the four static pages. The library needs no polyfill or alias in the browser: its
 * contexts are bundled as modules and its crypto is WebCrypto, @noble and wasm.
 */
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url))

export default defineConfig({
  root: here('.'),
  // Relative asset URLs: the pages work from any folder, or from a file server's sub-path.
  base: './',
  // `medcred` resolves to src/index.ts through the repository's tsconfig.json `paths`.
  resolve: { tsconfigPaths: true },
  build: {
    target: 'es2022',
    // The BBS, JSON-LD and DID code weighs about 1.4 MB minified; it is one page's whole job.
    chunkSizeWarningLimit: 2048,
    rolldownOptions: {
      input: { wallet: here('index.html'), verify: here('verify.html'), credentials: here('credentials.html'), present: here('present.html') },
    },
  },
})
