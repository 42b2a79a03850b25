import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

import S3rver from 's3rver';

import {
  EvidenceContentMissingError,
  evidenceKey,
  EvidenceTooLargeError,
  LocalEvidenceStore,
  S3EvidenceStore,
  UploadInspector,
  type EvidenceStore,
} from '@duban/evidence';

// The S3 adapter runs against s3rver (npm), an S3 emulator started here on loopback: no real S3 is
// reached, and behaviour specific to Amazon S3 beyond the emulated API is not covered. s3rver 3.7
// does not implement AbortMultipartUpload, so the parts of a failed upload stay in the emulator,
// though no object is ever created from them.
const BUCKET = 'duban-evidence';

function pdfBytes(size: number): Buffer {
  const bytes = Buffer.alloc(size, 0x20);
  bytes.write('%PDF-1.7\n', 0, 'latin1');
  for (let i = 16; i < size; i += 97) bytes[i] = i % 251;
  return bytes;
}

/** Streams the bytes in 64 KiB chunks, as an upload arrives. */
function chunked(bytes: Buffer): Readable {
  return Readable.from(
    (function* () {
      for (let offset = 0; offset < bytes.length; offset += 65_536) yield bytes.subarray(offset, offset + 65_536);
    })(),
  );
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.each(['local', 's3'] as const)('%s evidence store', (kind) => {
  let store: EvidenceStore;
  let s3rver: S3rver | undefined;
  let folder: string;
  /** Every file the store's backing folder holds, so a test can check nothing was left behind. */
  let listFiles: () => string[];

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), `duban-evidence-${kind}-`));
    const walk = (directory: string): string[] =>
      readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? walk(join(directory, entry.name)) : [join(directory, entry.name)],
      );
    if (kind === 'local') {
      store = new LocalEvidenceStore(folder);
      listFiles = () => walk(folder);
      return;
    }
    s3rver = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: folder,
      configureBuckets: [{ name: BUCKET, configs: [] }],
    });
    const { port } = await s3rver.run();
    store = new S3EvidenceStore({
      bucket: BUCKET,
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${port}`,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    // s3rver keeps each object as a folder with its content and metadata files.
    listFiles = () => walk(folder).filter((path) => path.includes(`${BUCKET}/evidence/`));
  });

  afterAll(async () => {
    if (store instanceof S3EvidenceStore) store.close();
    await s3rver?.close();
  });

  it('returns the bytes it stored', async () => {
    const key = evidenceKey('HZ-2025-0001', randomUUID());
    const bytes = pdfBytes(200_000);

    await store.put(key, chunked(bytes), 'application/pdf');
    const read = await readAll(await store.get(key));

    expect(sha256(read)).toBe(sha256(bytes));
  });

  it('stores a file larger than one multipart part', async () => {
    const key = evidenceKey('HZ-2025-0002', randomUUID());
    const bytes = pdfBytes(6 * 1024 * 1024 + 123);

    await store.put(key, chunked(bytes), 'application/pdf');
    const read = await readAll(await store.get(key));

    expect(read.length).toBe(bytes.length);
    expect(sha256(read)).toBe(sha256(bytes));
  });

  it('keeps nothing when the source fails midway', async () => {
    const key = evidenceKey('HZ-2025-0003', randomUUID());
    const before = listFiles().length;
    // Past one 5 MiB part, so the S3 store has a multipart upload under way when the limit is hit.
    const inspector = new UploadInspector(6 * 1024 * 1024, 'application/pdf');
    chunked(pdfBytes(8 * 1024 * 1024)).pipe(inspector);

    await expect(store.put(key, inspector, 'application/pdf')).rejects.toBeInstanceOf(EvidenceTooLargeError);

    await expect(store.get(key)).rejects.toBeInstanceOf(EvidenceContentMissingError);
    expect(listFiles()).toHaveLength(before);
  });

  it('reports a missing key and deletes idempotently', async () => {
    const key = evidenceKey('HZ-2025-0004', randomUUID());
    await store.put(key, chunked(pdfBytes(1_000)), 'application/pdf');

    await store.delete(key);
    await store.delete(key);

    await expect(store.get(key)).rejects.toBeInstanceOf(EvidenceContentMissingError);
  });

  it('rejects a key that could leave its folder', async () => {
    await expect(store.put('../etc/passwd', chunked(pdfBytes(100)), 'application/pdf')).rejects.toThrow(
      'invalid evidence key',
    );
  });
});
