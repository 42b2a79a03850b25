import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

import { declaredTypeMatches, SNIFF_BYTES, sniffMediaType, type EvidenceMediaType } from './media-type';

/** Bytes from the start of a file kept in memory for EXIF. */
export const HEAD_BYTES = 256 * 1024;

/** The file is larger than the limit. */
export class EvidenceTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`the file is larger than the limit of ${maxBytes} bytes`);
    this.name = 'EvidenceTooLargeError';
  }
}

/** The file's bytes are not of the type the client declared, or of no accepted type at all. */
export class EvidenceTypeMismatchError extends Error {
  constructor(
    readonly declared: string,
    readonly sniffed: EvidenceMediaType | undefined,
  ) {
    super(
      sniffed
        ? `the file was declared as ${declared} but its bytes are ${sniffed}`
        : `the file was declared as ${declared} but its bytes are of no accepted type`,
    );
    this.name = 'EvidenceTypeMismatchError';
  }
}

/** Findings of the inspector once the whole file has passed through it. */
export interface Inspection {
  readonly sha256: string;
  readonly sizeBytes: number;
  readonly contentType: EvidenceMediaType;
  /** The first HEAD_BYTES bytes (or the whole file, if smaller). */
  readonly head: Buffer;
}

/**
 * Passes an uploaded file through while it hashes it (SHA-256), counts its bytes and keeps its first
 * bytes. It buffers the data until it has SNIFF_BYTES, then checks the sniffed type against the
 * declared one, so a mismatched file fails before any of it reaches the store. Fails with
 * EvidenceTooLargeError as soon as the file passes `maxBytes`.
 */
export class UploadInspector extends Transform {
  private readonly hash: Hash = createHash('sha256');
  private size = 0;
  private readonly headChunks: Buffer[] = [];
  private headLength = 0;
  private pendingChunks: Buffer[] = [];
  private sniffed?: EvidenceMediaType;
  private result?: Inspection;

  constructor(
    private readonly maxBytes: number,
    private readonly declaredType: string,
  ) {
    super();
  }

  /** The inspection, available after the stream has finished. */
  get inspection(): Inspection {
    if (!this.result) throw new Error('the upload has not been inspected to its end');
    return this.result;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      callback(new EvidenceTooLargeError(this.maxBytes));
      return;
    }
    this.hash.update(chunk);
    if (this.headLength < HEAD_BYTES) {
      const part = chunk.subarray(0, HEAD_BYTES - this.headLength);
      this.headChunks.push(part);
      this.headLength += part.length;
    }
    if (this.sniffed) {
      callback(null, chunk);
      return;
    }
    this.pendingChunks.push(chunk);
    if (this.headLength >= SNIFF_BYTES) {
      callback(this.checkType());
      return;
    }
    callback();
  }

  override _flush(callback: TransformCallback): void {
    const error = this.sniffed ? undefined : this.checkType();
    if (error) {
      callback(error);
      return;
    }
    this.result = {
      sha256: this.hash.digest('hex'),
      sizeBytes: this.size,
      contentType: this.sniffed as EvidenceMediaType,
      head: Buffer.concat(this.headChunks),
    };
    callback();
  }

  /** Sniffs the buffered bytes and releases them, or returns the mismatch. */
  private checkType(): EvidenceTypeMismatchError | undefined {
    const sniffed = sniffMediaType(Buffer.concat(this.headChunks));
    if (!sniffed || !declaredTypeMatches(this.declaredType, sniffed)) {
      return new EvidenceTypeMismatchError(this.declaredType, sniffed);
    }
    this.sniffed = sniffed;
    for (const chunk of this.pendingChunks) this.push(chunk);
    this.pendingChunks = [];
    return undefined;
  }
}
