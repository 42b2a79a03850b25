import type { Readable } from 'node:stream';

import busboy from 'busboy';
import type { Request } from 'express';

import { isUnstorable } from '@duban/domain';
import { normalizeMediaType, UploadInspector, type EvidenceStore, type Inspection } from '@duban/evidence';

import type { FieldViolation } from '../problems/request-validation.error';

/** Limits on the form fields that come with a file. */
export const MULTIPART_LIMITS = { fields: 16, fieldSize: 2048, fieldNameSize: 64, parts: 24, files: 1 } as const;
/** Bytes of a rejected request body read and dropped before the connection is cut. */
const DRAIN_LIMIT = 16 * 1024 * 1024;

/** The request is not multipart/form-data, or its multipart body is malformed. */
export class MalformedMultipartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedMultipartError';
  }
}

export interface ReceivedFile {
  readonly fileName: string | null;
  readonly declaredType: string;
  readonly inspection: Inspection;
}

export interface ReceivedUpload {
  readonly fields: ReadonlyMap<string, string>;
  /** The stored file, or undefined when the request had none. */
  readonly file?: ReceivedFile;
  /** Problems with the form that do not stop the upload from being read; the caller rejects it. */
  readonly violations: readonly FieldViolation[];
}

/**
 * Streams a multipart/form-data request into the store: the part named `file` goes through an
 * UploadInspector (hash, size limit, type check) to `store.put(key)`, other parts are collected as
 * form fields. The file is never held in memory as a whole.
 *
 * Rejects with the inspector's error, a store error, a MalformedMultipartError or an abort, and only
 * after whatever was stored under `key` is removed, so a rejected upload leaves nothing behind.
 * The rest of a rejected request is read and dropped (up to DRAIN_LIMIT bytes), so the client still
 * receives the error response.
 */
export function receiveUpload(
  request: Request,
  store: EvidenceStore,
  key: string,
  maxBytes: number,
): Promise<ReceivedUpload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: request.headers, limits: MULTIPART_LIMITS, defParamCharset: 'utf8' });
    } catch (error) {
      reject(new MalformedMultipartError(error instanceof Error ? error.message : String(error)));
      return;
    }
    const fields = new Map<string, string>();
    const violations: FieldViolation[] = [];
    let file: { fileName: string | null; declaredType: string; inspector: UploadInspector } | undefined;
    let stored: Promise<void> | undefined;
    let failed = false;
    let succeeded = false;

    const fail = (error: unknown): void => {
      // After success the caller owns the stored file, so a late error (such as the client closing
      // the connection) must not remove it.
      if (failed || succeeded) return;
      failed = true;
      request.unpipe(parser);
      drain(request);
      file?.inspector.destroy(error instanceof Error ? error : new Error(String(error)));
      // Wait for the store to finish or give up, then remove anything it kept, and only then reject.
      const removed = stored
        ? stored.then(
            () => store.delete(key),
            () => undefined,
          )
        : Promise.resolve();
      const reason = error instanceof Error ? error : new Error(String(error));
      removed.then(
        () => reject(reason),
        () => reject(reason),
      );
    };

    parser.on('file', (name: string, stream: Readable, info: busboy.FileInfo) => {
      if (name !== 'file') {
        violations.push({ field: name, constraint: 'whitelistValidation', params: {} });
        stream.resume();
        return;
      }
      if (info.filename !== undefined && isUnstorable(info.filename)) {
        violations.push({ field: 'file', constraint: 'isStorableText', params: {} });
      }
      const inspector = new UploadInspector(maxBytes, info.mimeType);
      // Its errors reach this function through the rejection of store.put. This listener stops an error
      // raised before the store attaches to the stream from becoming an unhandled 'error' event.
      inspector.on('error', () => undefined);
      file = { fileName: info.filename ?? null, declaredType: info.mimeType, inspector };
      stream.on('error', (error: Error) => inspector.destroy(error));
      stream.pipe(inspector);
      stored = store.put(key, inspector, normalizeMediaType(info.mimeType));
      stored.catch(fail);
    });
    parser.on('field', (name: string, value: string, info: busboy.FieldInfo) => {
      if (info.nameTruncated || info.valueTruncated) {
        violations.push({ field: name, constraint: 'multipartLimits', params: MULTIPART_LIMITS });
      } else if (isUnstorable(name) || isUnstorable(value)) {
        // PostgreSQL cannot store a NUL character or a lone surrogate, and an unstorable name is not echoed back.
        violations.push({ field: isUnstorable(name) ? '(body)' : name, constraint: 'isStorableText', params: {} });
      } else {
        fields.set(name, value);
      }
    });
    const limitReached = (field: string, constraint: string) => () =>
      violations.push({ field, constraint, params: MULTIPART_LIMITS });
    parser.on('filesLimit', limitReached('file', 'singleFile'));
    parser.on('fieldsLimit', limitReached('(body)', 'multipartLimits'));
    parser.on('partsLimit', limitReached('(body)', 'multipartLimits'));
    parser.on('error', (error: unknown) =>
      fail(new MalformedMultipartError(error instanceof Error ? error.message : String(error))),
    );
    parser.on('close', () => {
      const received = file;
      (stored ?? Promise.resolve()).then(
        () => {
          if (failed) return;
          succeeded = true;
          resolve({
            fields,
            violations,
            ...(received
              ? {
                  file: {
                    fileName: received.fileName,
                    declaredType: received.declaredType,
                    inspection: received.inspector.inspection,
                  },
                }
              : {}),
          });
        },
        () => undefined,
      );
    });
    request.on('error', fail);
    request.on('close', () => {
      if (!request.complete) fail(new Error('the client closed the connection before the upload was complete'));
    });
    request.pipe(parser);
  });
}

function drain(request: Request): void {
  let dropped = 0;
  request.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DRAIN_LIMIT) request.destroy();
  });
  request.resume();
}
