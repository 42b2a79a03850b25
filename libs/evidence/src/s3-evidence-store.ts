import type { Readable } from 'node:stream';

import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';

import { assertEvidenceKey, EvidenceContentMissingError, type EvidenceStore } from './evidence-store';

export interface S3StoreOptions {
  readonly bucket: string;
  readonly region: string;
  /** Endpoint of an S3-compatible store; Amazon S3 when undefined. */
  readonly endpoint?: string;
  readonly forcePathStyle: boolean;
  /** Static credentials; the AWS SDK's default credential chain when undefined. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

/** Object names start with this prefix, so the bucket can hold other things too. */
const OBJECT_PREFIX = 'evidence/';
/** Size of one part of a multipart upload (the S3 minimum); at most two parts are in memory at once. */
const PART_SIZE = 5 * 1024 * 1024;

/** Keeps evidence as objects in an S3-compatible bucket, under `evidence/<caseNumber>/<id>`. */
export class S3EvidenceStore implements EvidenceStore {
  readonly kind = 's3';
  private readonly client: S3Client;

  constructor(private readonly options: S3StoreOptions) {
    const config: S3ClientConfig = {
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      // Checksums only where S3 requires them, so S3-compatible stores that do not implement the
      // SDK's newer default checksum headers still accept the uploads.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.credentials ? { credentials: { ...options.credentials } } : {}),
    };
    this.client = new S3Client(config);
  }

  async put(key: string, source: Readable, contentType: string): Promise<void> {
    const name = this.objectName(key);
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.options.bucket, Key: name, Body: source, ContentType: contentType },
      partSize: PART_SIZE,
      queueSize: 2,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (error) {
      // lib-storage aborts a failed multipart upload itself; this removes a single-part object that
      // may have been completed before the failure surfaced.
      await this.delete(key).catch(() => undefined);
      // The source's own error (size limit, type mismatch) describes the failure. The upload may report
      // a later failure instead, such as a store that rejects the abort request.
      throw source.errored ?? error;
    }
  }

  async get(key: string): Promise<Readable> {
    try {
      const output = await this.client.send(
        new GetObjectCommand({ Bucket: this.options.bucket, Key: this.objectName(key) }),
      );
      if (!output.Body) throw new EvidenceContentMissingError(key);
      return output.Body as Readable;
    } catch (error) {
      if (error instanceof NoSuchKey) throw new EvidenceContentMissingError(key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.objectName(key) }));
  }

  /** Closes the client's connections. */
  close(): void {
    this.client.destroy();
  }

  private objectName(key: string): string {
    assertEvidenceKey(key);
    return `${OBJECT_PREFIX}${key}`;
  }
}
