/** Sets of message ids as ascending Uint32Arrays. */

/** Ids in both; gallops through the larger list when the sizes differ a lot. */
export function intersect(a: Uint32Array, b: Uint32Array): Uint32Array {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const out = new Uint32Array(small.length);
  let count = 0;
  if (small.length * 16 < large.length) {
    let low = 0;
    for (let i = 0; i < small.length; i++) {
      const value = small[i]!;
      low = lowerBound(large, value, low);
      if (low === large.length) break;
      if (large[low] === value) out[count++] = value;
    }
  } else {
    let j = 0;
    for (let i = 0; i < small.length && j < large.length; i++) {
      const value = small[i]!;
      while (j < large.length && large[j]! < value) j++;
      if (large[j] === value) out[count++] = value;
    }
  }
  return out.subarray(0, count);
}

/** Ids of `a` not in `b`. */
export function subtract(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length);
  let count = 0;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    const value = a[i]!;
    while (j < b.length && b[j]! < value) j++;
    if (b[j] !== value) out[count++] = value;
  }
  return out.subarray(0, count);
}

/** First index from `from` whose value is >= `value` (exponential then binary search). */
export function lowerBound(values: Uint32Array, value: number, from = 0): number {
  let step = 1;
  let high = from;
  while (high < values.length && values[high]! < value) {
    high = from + step;
    step *= 2;
  }
  let low = Math.max(from, high - step / 2);
  high = Math.min(high, values.length);
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Ids of [start, end). */
export function range(start: number, end: number): Uint32Array {
  const out = new Uint32Array(Math.max(0, end - start));
  for (let i = 0; i < out.length; i++) out[i] = start + i;
  return out;
}

/** Ids in either (both ascending). */
export function union(a: Uint32Array, b: Uint32Array): Uint32Array {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Uint32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let count = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x < y) out[count++] = a[i++]!;
    else if (y < x) out[count++] = b[j++]!;
    else {
      out[count++] = x;
      i++;
      j++;
    }
  }
  while (i < a.length) out[count++] = a[i++]!;
  while (j < b.length) out[count++] = b[j++]!;
  return out.subarray(0, count);
}
