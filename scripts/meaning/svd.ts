// A truncated SVD of a sparse matrix by randomised range finding (Halko, Martinsson and Tropp, 2011): a few
// products with the matrix and one small dense eigenproblem. Deterministic for a given seed.

/** Rows x cols in compressed sparse rows. */
export interface Csr {
  rows: number;
  cols: number;
  start: Uint32Array; // rows + 1
  col: Uint32Array;
  val: Float32Array;
}

export interface Svd {
  k: number;
  /** rows x k, row-major */
  u: Float64Array;
  /** cols x k, row-major */
  v: Float64Array;
  s: Float64Array;
}

/** Y (rows x l) = A X (cols x l), row-major. */
function mul(a: Csr, x: Float64Array, l: number): Float64Array {
  const y = new Float64Array(a.rows * l);
  for (let i = 0; i < a.rows; i++) {
    const yo = i * l;
    for (let p = a.start[i]; p < a.start[i + 1]; p++) {
      const xo = a.col[p] * l;
      const w = a.val[p];
      for (let c = 0; c < l; c++) y[yo + c] += w * x[xo + c];
    }
  }
  return y;
}

/** Z (cols x l) = A^T Y (rows x l). */
function mulT(a: Csr, y: Float64Array, l: number): Float64Array {
  const z = new Float64Array(a.cols * l);
  for (let i = 0; i < a.rows; i++) {
    const yo = i * l;
    for (let p = a.start[i]; p < a.start[i + 1]; p++) {
      const zo = a.col[p] * l;
      const w = a.val[p];
      for (let c = 0; c < l; c++) z[zo + c] += w * y[yo + c];
    }
  }
  return z;
}

/** Orthonormal columns in place (modified Gram-Schmidt, twice for stability). */
function orthonormalise(m: Float64Array, n: number, l: number): void {
  for (let pass = 0; pass < 2; pass++) {
    for (let c = 0; c < l; c++) {
      for (let d = 0; d < c; d++) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += m[i * l + c] * m[i * l + d];
        for (let i = 0; i < n; i++) m[i * l + c] -= dot * m[i * l + d];
      }
      let norm = 0;
      for (let i = 0; i < n; i++) norm += m[i * l + c] ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let i = 0; i < n; i++) m[i * l + c] /= norm;
    }
  }
}

/** Eigen-decomposition of a symmetric matrix (cyclic Jacobi): values descending, vectors as columns. */
function symmetricEigen(a: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const m = Float64Array.from(a);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p * n + q] ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (m[q * n + q] - m[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k * n + p];
          const mkq = m[k * n + q];
          m[k * n + p] = c * mkp - s * mkq;
          m[k * n + q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p * n + k];
          const mqk = m[q * n + k];
          m[p * n + k] = c * mpk - s * mqk;
          m[q * n + k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p];
          const vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = [...Array(n).keys()].sort((x, y) => m[y * n + y] - m[x * n + x]);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((o, j) => {
    values[j] = m[o * n + o];
    for (let i = 0; i < n; i++) vectors[i * n + j] = v[i * n + o];
  });
  return { values, vectors };
}

/** A seeded normal sample (Box-Muller on a 32-bit xorshift). */
function gaussian(seed: number): () => number {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return (x + 0.5) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(next())) * Math.cos(2 * Math.PI * next());
}

export function truncatedSvd(a: Csr, k: number, opts: { oversample?: number; powerIterations?: number; seed?: number } = {}): Svd {
  const l = k + (opts.oversample ?? 20);
  const rand = gaussian(opts.seed ?? 1);
  const omega = new Float64Array(a.cols * l);
  for (let i = 0; i < omega.length; i++) omega[i] = rand();
  let y = mul(a, omega, l);
  orthonormalise(y, a.rows, l);
  for (let it = 0; it < (opts.powerIterations ?? 3); it++) {
    const z = mulT(a, y, l);
    orthonormalise(z, a.cols, l);
    y = mul(a, z, l);
    orthonormalise(y, a.rows, l);
  }
  // B = Q^T A (l x cols), held as its transpose Bt = A^T Q (cols x l).
  const bt = mulT(a, y, l);
  const bbt = new Float64Array(l * l);
  for (let j = 0; j < a.cols; j++) {
    const o = j * l;
    for (let p = 0; p < l; p++) for (let q = p; q < l; q++) bbt[p * l + q] += bt[o + p] * bt[o + q];
  }
  for (let p = 0; p < l; p++) for (let q = 0; q < p; q++) bbt[p * l + q] = bbt[q * l + p];
  const { values, vectors } = symmetricEigen(bbt, l);
  const s = new Float64Array(k);
  for (let j = 0; j < k; j++) s[j] = Math.sqrt(Math.max(0, values[j]));
  const u = new Float64Array(a.rows * k);
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < k; j++) {
      let sum = 0;
      for (let p = 0; p < l; p++) sum += y[i * l + p] * vectors[p * l + j];
      u[i * k + j] = sum;
    }
  const v = new Float64Array(a.cols * k);
  for (let c = 0; c < a.cols; c++)
    for (let j = 0; j < k; j++) {
      let sum = 0;
      for (let p = 0; p < l; p++) sum += bt[c * l + p] * vectors[p * l + j];
      v[c * k + j] = s[j] > 0 ? sum / s[j] : 0;
    }
  return { k, u, v, s };
}
