/**
 * Appends JSON pieces straight into one growing byte buffer. Pages of 80,000 Russian-text
 * rows are ~60 MB: building a JS string and then encoding it costs twice; here ASCII pieces
 * (numbers, dates, ids) are written as Latin-1 and UTF-8 fragments are copied pre-encoded.
 */
export class ByteWriter {
  #buf: Buffer;
  #pos = 0;

  constructor(initialBytes = 64 * 1024) {
    this.#buf = Buffer.allocUnsafe(initialBytes);
  }

  /** Only for strings known to be ASCII (digits, dates, hex ids, JSON punctuation). */
  ascii(text: string): void {
    this.#reserve(text.length);
    this.#pos += this.#buf.write(text, this.#pos, 'latin1');
  }

  bytes(chunk: Uint8Array): void {
    this.#reserve(chunk.length);
    this.#buf.set(chunk, this.#pos);
    this.#pos += chunk.length;
  }

  toBuffer(): Buffer {
    return this.#buf.subarray(0, this.#pos);
  }

  #reserve(extra: number): void {
    if (this.#pos + extra <= this.#buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.#buf.length * 2, this.#pos + extra));
    this.#buf.copy(next, 0, 0, this.#pos);
    this.#buf = next;
  }
}
