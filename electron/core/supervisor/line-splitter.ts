/**
 * Splits a byte stream into lines with a hard cap on line length, so a peer that never sends a
 * newline (or sends a huge frame) costs at most `maxLineBytes` of memory. Over-long lines are
 * dropped and reported, and splitting resumes after the next newline.
 */
export class LineSplitter {
  private parts: Buffer[] = [];
  private size = 0;
  private discarding = false;

  constructor(
    private readonly maxLineBytes: number,
    private readonly onLine: (line: string) => void,
    private readonly onOversized: (bytes: number) => void,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(0x0a, start);
      const end = newline === -1 ? chunk.length : newline;
      this.take(chunk.subarray(start, end));
      if (newline === -1) return;
      this.finishLine();
      start = newline + 1;
    }
  }

  private take(piece: Buffer): void {
    if (piece.length === 0) return;
    if (this.discarding) {
      this.size += piece.length;
      return;
    }
    if (this.size + piece.length > this.maxLineBytes) {
      this.discarding = true;
      this.parts = [];
      this.size += piece.length;
      return;
    }
    this.parts.push(piece);
    this.size += piece.length;
  }

  private finishLine(): void {
    if (this.discarding) {
      this.onOversized(this.size);
    } else {
      // Most lines arrive in one chunk: decode that slice as it is, without a copy.
      const bytes = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.size);
      const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
      const line = bytes.toString('utf8', 0, end);
      if (line.trim() !== '') this.onLine(line);
    }
    this.parts = [];
    this.size = 0;
    this.discarding = false;
  }
}
