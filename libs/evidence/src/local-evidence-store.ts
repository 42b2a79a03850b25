import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { assertEvidenceKey, EvidenceContentMissingError, type EvidenceStore } from './evidence-store';

/**
 * Keeps evidence as files under a folder, one per key (`<folder>/<caseNumber>/<id>`). A file is written
 * under a temporary name, flushed to disk and then renamed, so a reader never sees a partial file.
 */
export class LocalEvidenceStore implements EvidenceStore {
  readonly kind = 'local';

  constructor(private readonly directory: string) {}

  async put(key: string, source: Readable): Promise<void> {
    const path = this.pathOf(key);
    const temporary = `${path}.${randomUUID()}.partial`;
    await mkdir(dirname(path), { recursive: true });
    try {
      await pipeline(source, createWriteStream(temporary, { flags: 'wx' }));
      const handle = await open(temporary, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, path);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    try {
      await stat(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new EvidenceContentMissingError(key);
      throw error;
    }
    return createReadStream(path);
  }

  async delete(key: string): Promise<void> {
    await unlink(this.pathOf(key)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  /** Path of a key's file; exposed so tests and operators can find it. */
  pathOf(key: string): string {
    assertEvidenceKey(key);
    return join(this.directory, ...key.split('/'));
  }
}
