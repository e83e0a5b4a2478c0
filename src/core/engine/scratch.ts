/**
 * Arrays an engine lends its stages for the length of one analysis. A typed array costs more to
 * allocate (and later to collect) than a short page takes to read, so each stage's working array
 * is kept by the engine and handed out again, cleared, to the next analysis.
 */
export class Scratch {
  private bytes = new Uint8Array(256);
  private ints = new Int32Array(256);

  /** A byte array whose first `n` entries are 0 (longer arrays are fine: only `n` are used). */
  zeroBytes(n: number): Uint8Array {
    if (this.bytes.length < n) this.bytes = new Uint8Array(Math.max(n, this.bytes.length * 2));
    else this.bytes.fill(0, 0, n);
    return this.bytes;
  }

  /** An int array of at least `n` entries, contents undefined: the caller writes all it reads. */
  someInts(n: number): Int32Array {
    if (this.ints.length < n) this.ints = new Int32Array(Math.max(n, this.ints.length * 2));
    return this.ints;
  }
}
