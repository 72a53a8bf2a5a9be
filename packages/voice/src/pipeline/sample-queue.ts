/** FIFO of audio samples: append chunks of any size, take frames of any size once enough is queued. */
export class SampleQueue {
  private buf = new Float32Array(4096);
  private head = 0;
  private tail = 0;

  get length(): number {
    return this.tail - this.head;
  }

  append(chunk: Float32Array): void {
    if (this.tail + chunk.length > this.buf.length) {
      const live = this.buf.subarray(this.head, this.tail);
      const size = Math.max(this.buf.length, 2 * (live.length + chunk.length));
      if (size === this.buf.length) this.buf.copyWithin(0, this.head, this.tail);
      else {
        const next = new Float32Array(size);
        next.set(live, 0);
        this.buf = next;
      }
      this.tail = live.length;
      this.head = 0;
    }
    this.buf.set(chunk, this.tail);
    this.tail += chunk.length;
  }

  /** Removes and returns the next `n` samples, or null (nothing removed) if fewer are queued. */
  take(n: number): Float32Array | null {
    if (this.length < n) return null;
    const out = this.buf.slice(this.head, this.head + n);
    this.head += n;
    return out;
  }

  clear(): void {
    this.head = 0;
    this.tail = 0;
  }
}
