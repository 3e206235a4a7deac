/**
 * Typed arrays reused from one document to the next. Allocating an off-heap typed array
 * costs about a microsecond (its backing store is registered with the heap), and the
 * attribution passes need eight per document; a view of a buffer kept per use costs one
 * small object. A view is valid until its scratch is taken again, so the arrays must not
 * outlive the analysis of one document: the results hold none of them, and the analysis is
 * synchronous (each worker thread has its own module instance).
 */
export class ByteScratch {
  private buffer = new Uint8Array(4096);

  /** `length` zeroed bytes (an exact-length view: reads past the end give undefined, as on a new array). */
  take(length: number): Uint8Array {
    if (this.buffer.length < length) this.buffer = new Uint8Array(Math.max(length, this.buffer.length * 2));
    const view = this.buffer.subarray(0, length);
    view.fill(0);
    return view;
  }
}

export class IntScratch {
  private buffer = new Int32Array(4096);

  /** `length` integers, each set to `value`. */
  take(length: number, value: number): Int32Array {
    if (this.buffer.length < length) this.buffer = new Int32Array(Math.max(length, this.buffer.length * 2));
    const view = this.buffer.subarray(0, length);
    view.fill(value);
    return view;
  }
}
