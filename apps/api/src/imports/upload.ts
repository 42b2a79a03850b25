import type { Readable } from 'node:stream';

import busboy from 'busboy';
import type { Request } from 'express';

import { formatOf, readSourceTable, SourceFileError, type SourceTable } from '@duban/import';

import { ApiProblem } from '../problems/problem';

/** Largest import file accepted, in bytes (20 MiB, about 100,000 rows of CSV). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export interface Upload {
  readonly fileName: string;
  readonly table: SourceTable;
  /** Form fields sent with the file, such as skipInvalid. */
  readonly fields: Readonly<Record<string, string>>;
}

/**
 * Reads a multipart/form-data upload with one file in the field `file`. The file streams straight
 * into the CSV or XLSX reader, so it is never held in memory as a whole; its rows are.
 */
export function readUpload(request: Request): Promise<Upload> {
  if (!request.is('multipart/form-data')) {
    return Promise.reject(
      new ApiProblem('unsupported_media_type', {
        zh: '请以 multipart/form-data 上传，文件放在 file 字段',
        en: 'Send the file as multipart/form-data in the field "file"',
      }),
    );
  }
  return new Promise<Upload>((resolve, reject) => {
    const fields: Record<string, string> = {};
    let table: Promise<SourceTable> | undefined;
    let fileName = '';
    let tooLarge = false;
    let failure: Error | undefined;
    const parser = busboy({
      headers: request.headers,
      limits: { files: 1, fields: 10, fileSize: MAX_IMPORT_BYTES, fieldSize: 1024 },
    });
    parser.on('file', (field: string, stream: Readable, info: { filename: string; mimeType: string }) => {
      if (field !== 'file' || table) {
        stream.resume();
        return;
      }
      fileName = info.filename;
      const format = formatOf(info.filename, info.mimeType);
      if (!format) {
        failure = new ApiProblem('unsupported_media_type', {
          zh: `不支持的文件类型“${info.filename}”：请上传 .csv（UTF-8）或 .xlsx 文件`,
          en: `"${info.filename}" is neither CSV nor XLSX: upload a .csv (UTF-8) or .xlsx file`,
        });
        stream.resume();
        return;
      }
      stream.on('limit', () => {
        tooLarge = true;
      });
      table = readSourceTable(stream, format);
      // A reader that fails early leaves the rest of the file unread, which would stall the upload.
      table.catch(() => stream.resume());
    });
    parser.on('field', (name: string, value: string) => {
      fields[name] = value;
    });
    parser.on('error', (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))));
    parser.on('close', () => {
      if (failure) return reject(failure);
      if (tooLarge) {
        return reject(
          new ApiProblem('payload_too_large', {
            zh: `文件超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MiB：请拆分后分别导入`,
            en: `The file exceeds ${MAX_IMPORT_BYTES / 1024 / 1024} MiB: split it and import the parts one by one`,
          }),
        );
      }
      if (!table) {
        return reject(
          new ApiProblem('invalid_request', {
            zh: '请求中没有文件：请在 multipart 字段 file 中上传 CSV 或 XLSX',
            en: 'The request has no file: upload the CSV or XLSX in the multipart field "file"',
          }),
        );
      }
      table.then(
        (read) => resolve({ fileName, table: read, fields }),
        (error: unknown) =>
          reject(
            error instanceof SourceFileError
              ? unreadable(error)
              : error instanceof Error
                ? error
                : new Error(String(error)),
          ),
      );
    });
    request.pipe(parser);
  });
}

function unreadable(error: SourceFileError): ApiProblem {
  return new ApiProblem('import_file_unreadable', error.text);
}
