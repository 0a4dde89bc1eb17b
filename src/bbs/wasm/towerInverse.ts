/**
 * @module
 * Inversion in Fp2 and Fp12 on the module's memory, down the tower to one inversion in Fp
 * (`WasmHeap.invert`), `../fp12.ts`'s `invert` on bigints by the same formulas:
 * 1/(a + bw) = (a - bw)/N with N = a² - v·b² in Fp6; 1/(c0 + c1·v + c2·v²) = (t0 + t1·v + t2·v²)/n
 * with t0 = c0² - ξ·c1·c2, t1 = ξ·c2² - c0·c1, t2 = c1² - c0·c2 and n = c0·t0 + ξ(c2·t1 + c1·t2)
 * in Fp2; 1/(x + yu) = (x - yu)/(x² + y²).
 */
import { fp2Bytes, fp6Bytes, fpBytes, type WasmHeap } from './heap.js'

/** Inverses of non-zero elements at an address, written to `out` (which may be the operand). */
export type TowerInverse = {
  fp2(out: number, x: number): void
  fp12(out: number, a: number): void
}

/** The inversions, with working space of their own. */
export function createTowerInverse(heap: WasmHeap): TowerInverse {
  const { wasm } = heap
  const [N, inverseN] = [heap.alloc(fp6Bytes), heap.alloc(fp6Bytes)]
  const [t0, t1, t2, n, product] = Array.from({ length: 5 }, () => heap.alloc(fp2Bytes)) as [number, number, number, number, number]
  const [norm, square] = [heap.alloc(fpBytes), heap.alloc(fpBytes)]
  const fp2 = (out: number, x: number): void => {
    // 1/(x + yu) = (x - yu)/(x² + y²)
    wasm.fp_sqr(norm, x)
    wasm.fp_sqr(square, x + fpBytes)
    wasm.fp_add(norm, norm, square)
    heap.invert(norm, norm)
    wasm.fp_mul(out, x, norm)
    wasm.fp_mul(square, x + fpBytes, norm)
    wasm.fp_sub(out + fpBytes, heap.zero, square)
  }
  const fp12 = (out: number, a: number): void => {
    const b = a + fp6Bytes
    wasm.fp6_mul(N, a, a)
    wasm.fp6_mul(inverseN, b, b)
    wasm.fp6_mul_v(inverseN, inverseN)
    wasm.fp6_sub(N, N, inverseN)
    const [c0, c1, c2] = [N, N + fp2Bytes, N + 2 * fp2Bytes]
    wasm.fp2_sqr(t0, c0)
    wasm.fp2_mul(product, c1, c2)
    wasm.fp2_mul_nr(product, product)
    wasm.fp2_sub(t0, t0, product)
    wasm.fp2_sqr(t1, c2)
    wasm.fp2_mul_nr(t1, t1)
    wasm.fp2_mul(product, c0, c1)
    wasm.fp2_sub(t1, t1, product)
    wasm.fp2_sqr(t2, c1)
    wasm.fp2_mul(product, c0, c2)
    wasm.fp2_sub(t2, t2, product)
    wasm.fp2_mul(n, c2, t1)
    wasm.fp2_mul(product, c1, t2)
    wasm.fp2_add(n, n, product)
    wasm.fp2_mul_nr(n, n)
    wasm.fp2_mul(product, c0, t0)
    wasm.fp2_add(n, n, product)
    fp2(n, n)
    wasm.fp2_mul(inverseN, t0, n)
    wasm.fp2_mul(inverseN + fp2Bytes, t1, n)
    wasm.fp2_mul(inverseN + 2 * fp2Bytes, t2, n)
    // (a·N⁻¹, -b·N⁻¹): b's half first, so that out may be a.
    wasm.fp6_mul(N, b, inverseN)
    wasm.fp6_neg(N, N)
    wasm.fp6_mul(out, a, inverseN)
    heap.copy(out + fp6Bytes, N, fp6Bytes)
  }
  return { fp2, fp12 }
}
