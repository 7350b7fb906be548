/** A typed array that grows as values are pushed (doubling), for building segments. */
export type GrowableArray = Uint32Array | Uint16Array | Uint8Array | Float64Array;

export class Growable<T extends GrowableArray> {
  length = 0;
  constructor(
    public values: T,
    private readonly make: (size: number) => T,
  ) {}
  push(value: number): void {
    if (this.length === this.values.length) this.reserve(this.length + 1);
    this.values[this.length++] = value;
  }
  reserve(size: number): void {
    if (size <= this.values.length) return;
    const next = this.make(Math.max(size, this.values.length * 2, 1024));
    next.set(this.values.subarray(0, this.length) as never);
    this.values = next;
  }
  view(): T {
    return this.values.subarray(0, this.length) as T;
  }
}

export const u32 = (size: number) => new Uint32Array(size);
