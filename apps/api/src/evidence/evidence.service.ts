import { createHash, randomUUID } from 'node:crypto';
import { Transform, type Readable, type TransformCallback } from 'node:stream';

import { Inject, Injectable, Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request } from 'express';
import { DataSource } from 'typeorm';

import type { Actor } from '@duban/domain';
import {
  EvidenceAlreadyReplacedError,
  EvidenceContentMissingError,
  evidenceKey,
  EvidenceRepository,
  EvidenceTooLargeError,
  EvidenceTypeMismatchError,
  isImage,
  readPhotoMetadata,
  type EvidenceSettings,
  type EvidenceStore,
} from '@duban/evidence';
import { CaseQueryRepository, EvidenceEntity, type HazardCaseEntity } from '@duban/persistence';

import { visibleCase } from '../cases/case-access';
import { ApiProblem } from '../problems/problem';
import { RequestValidationError, type FieldViolation } from '../problems/request-validation.error';
import { flattenErrors } from '../validation/request-validation.pipe';
import {
  toEvidenceResponse,
  type EvidenceListResponse,
  type EvidenceResponse,
  type HazardItemPhotosResponse,
} from './dto/evidence.response';
import { fieldsToPlain, UploadEvidenceFields } from './dto/upload-evidence.fields';
import { MalformedMultipartError, receiveUpload, type ReceivedFile, type ReceivedUpload } from './multipart-upload';

export const EVIDENCE_SETTINGS = Symbol('EVIDENCE_SETTINGS');
export const EVIDENCE_STORE = Symbol('EVIDENCE_STORE');

/** Room for the multipart framing and form fields around the file, in bytes. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** Content of an evidence file whose hash was checked, ready to stream to the client. */
export interface EvidenceContent {
  readonly evidence: EvidenceEntity;
  readonly content: Readable;
}

/**
 * Uploads, lists and downloads the evidence of a case. Access follows the case: a unit only on its
 * own cases, everyone else within their jurisdiction, and a case outside the caller's scope is 404.
 */
@Injectable()
export class EvidenceService {
  private readonly logger = new Logger(EvidenceService.name);
  private readonly evidence: EvidenceRepository;

  constructor(
    @Inject(EVIDENCE_SETTINGS) private readonly settings: EvidenceSettings,
    @Inject(EVIDENCE_STORE) private readonly store: EvidenceStore,
    private readonly cases: CaseQueryRepository,
    @Inject(DataSource) dataSource: DataSource,
  ) {
    this.evidence = new EvidenceRepository(dataSource);
  }

  /** Largest request body that can hold a file of the maximum size; bigger ones are rejected unread. */
  get maxRequestBytes(): number {
    return this.settings.maxBytes + MULTIPART_OVERHEAD;
  }

  /**
   * Streams the request's file into the store, checks the form, reads EXIF and records the row. Any
   * rejection removes the stored file first, so a failed upload leaves neither a file nor a row.
   */
  async upload(actor: Actor, caseNumber: string, request: Request): Promise<EvidenceResponse> {
    const hazardCase = visibleCase(actor, caseNumber, await this.cases.findByCaseNumber(caseNumber));
    if (!request.is('multipart/form-data')) throw notMultipart();
    const declaredLength = Number(request.headers['content-length']);
    if (Number.isFinite(declaredLength) && declaredLength > this.maxRequestBytes) {
      throw tooLarge(this.settings.maxBytes, { Connection: 'close' });
    }

    const id = randomUUID();
    const key = evidenceKey(caseNumber, id);
    let received: ReceivedUpload;
    try {
      received = await receiveUpload(request, this.store, key, this.settings.maxBytes);
    } catch (error) {
      throw this.uploadProblem(error, caseNumber);
    }
    try {
      const file = received.file;
      const missingFile: FieldViolation = { field: 'file', constraint: 'isDefined', params: {} };
      const fields = await this.checkFields(
        hazardCase,
        actor,
        received.fields,
        file ? received.violations : [...received.violations, missingFile],
      );
      if (!file) throw new RequestValidationError([missingFile]);
      const row = await this.buildRow(actor, id, key, hazardCase, fields, file);
      await this.evidence.insert(row);
      this.logger.log(
        `stored evidence ${id} of case ${caseNumber}: ${row.kind}, ${row.contentType}, ${row.sizeBytes} bytes, sha256 ${row.sha256}`,
      );
      return toEvidenceResponse(row, null);
    } catch (error) {
      await this.store
        .delete(key)
        .catch((cleanupError: unknown) =>
          this.logger.error(`could not remove rejected upload ${key}: ${String(cleanupError)}`),
        );
      if (error instanceof EvidenceAlreadyReplacedError) throw alreadyReplaced(error.replaces);
      throw error;
    }
  }

  async list(actor: Actor, caseNumber: string, includeReplaced: boolean): Promise<EvidenceListResponse> {
    const hazardCase = visibleCase(actor, caseNumber, await this.cases.findByCaseNumber(caseNumber));
    const rows = await this.evidence.listByCase(caseNumber);
    const responses = rows.map(({ evidence, replacedBy }) => toEvidenceResponse(evidence, replacedBy));
    return {
      items: includeReplaced ? responses : responses.filter((item) => item.current),
      pairs: pairBeforeAndAfter(hazardCase, responses),
    };
  }

  async get(actor: Actor, caseNumber: string, id: string): Promise<EvidenceResponse> {
    visibleCase(actor, caseNumber, await this.cases.findByCaseNumber(caseNumber));
    const found = await this.evidence.findInCase(caseNumber, id);
    if (!found) throw evidenceNotFound(caseNumber, id);
    return toEvidenceResponse(found.evidence, found.replacedBy);
  }

  /**
   * Checks the stored content against its recorded SHA-256 and size, then opens it again for the
   * client. A mismatch or missing content is logged as an error and rejected with a 500 problem, never served.
   * The second read is checked as well, and a change between the two reads cuts the download short.
   */
  async openContent(actor: Actor, caseNumber: string, id: string): Promise<EvidenceContent> {
    visibleCase(actor, caseNumber, await this.cases.findByCaseNumber(caseNumber));
    const found = await this.evidence.findInCase(caseNumber, id);
    if (!found) throw evidenceNotFound(caseNumber, id);
    const evidence = found.evidence;
    const expected = { sha256: evidence.sha256, sizeBytes: Number(evidence.sizeBytes) };
    try {
      const actual = await hashContent(await this.store.get(evidence.storageKey));
      if (actual.sha256 !== expected.sha256 || actual.sizeBytes !== expected.sizeBytes) {
        throw this.integrityFailure(
          evidence,
          `the content hashes to ${actual.sha256} (${actual.sizeBytes} bytes) but ${expected.sha256} (${expected.sizeBytes} bytes) was recorded`,
        );
      }
      const content = (await this.store.get(evidence.storageKey)).pipe(new VerifyingPassThrough(expected));
      return { evidence, content };
    } catch (error) {
      if (error instanceof EvidenceContentMissingError) {
        throw this.integrityFailure(evidence, 'the store has no content for it');
      }
      throw error;
    }
  }

  /** Logs a broken evidence file for operators and returns the 500 problem for the client. */
  integrityFailure(evidence: EvidenceEntity, reason: string): ApiProblem {
    this.logger.error(
      `EVIDENCE INTEGRITY FAILURE: evidence ${evidence.id} of case ${evidence.caseNumber} in the ${evidence.storage} store under ${evidence.storageKey}: ${reason}. The content was not served; restore it from a backup.`,
    );
    return new ApiProblem('evidence_integrity_error', {
      zh: `证据 ${evidence.id} 的存储内容与上传时记录的 SHA-256 不符或已丢失，系统拒绝提供该文件并已记录错误；请联系系统管理员从备份恢复`,
      en: `The stored content of evidence ${evidence.id} is missing or no longer matches the SHA-256 recorded at upload, so it was not served and the failure was logged; ask an administrator to restore it from a backup`,
    });
  }

  private async checkFields(
    hazardCase: HazardCaseEntity,
    actor: Actor,
    fields: ReadonlyMap<string, string>,
    earlier: readonly FieldViolation[],
  ): Promise<UploadEvidenceFields> {
    const instance = plainToInstance(UploadEvidenceFields, fieldsToPlain(fields));
    const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
    const violations = [...earlier, ...flattenErrors(errors)];
    if (violations.length > 0) throw new RequestValidationError(violations);

    const count = hazardCase.hazardItems.length;
    if (instance.hazardItemIndex !== undefined && instance.hazardItemIndex >= count) {
      violations.push({ field: 'hazardItemIndex', constraint: 'hazardItemInCase', params: { count } });
    }
    if (instance.phase !== undefined && instance.hazardItemIndex === undefined) {
      violations.push({ field: 'phase', constraint: 'phaseNeedsHazardItem', params: {} });
    }
    const sequence = instance.eventSequence;
    if (sequence !== undefined && !(await this.evidence.caseHasEvent(hazardCase.caseNumber, sequence))) {
      violations.push({ field: 'eventSequence', constraint: 'eventInCase', params: { value: sequence } });
    }
    if (instance.replaces !== undefined) {
      const replaced = await this.evidence.findInCase(hazardCase.caseNumber, instance.replaces);
      if (!replaced) {
        violations.push({ field: 'replaces', constraint: 'evidenceInCase', params: { value: instance.replaces } });
      } else if (replaced.replacedBy !== null) {
        throw alreadyReplaced(instance.replaces, replaced.replacedBy);
      } else if (partyOf(replaced.evidence.uploadedBy) !== partyOf(actor)) {
        throw new ApiProblem('forbidden', {
          zh: `证据 ${instance.replaces} 由其他一方上传，只能由上传方（或同一机构）更正`,
          en: `Evidence ${instance.replaces} was uploaded by another party; only the party that uploaded it may correct it`,
        });
      }
    }
    if (violations.length > 0) throw new RequestValidationError(violations);
    return instance;
  }

  private async buildRow(
    actor: Actor,
    id: string,
    key: string,
    hazardCase: HazardCaseEntity,
    fields: UploadEvidenceFields,
    file: ReceivedFile,
  ): Promise<EvidenceEntity> {
    const inspection = file.inspection;
    if (fields.kind === 'photo' && !isImage(inspection.contentType)) {
      throw new ApiProblem('unsupported_media_type', {
        zh: `照片必须是图片（JPEG、PNG、WebP、HEIC），该文件是 ${inspection.contentType}；请改为 kind=document 上传`,
        en: `A photo must be an image (JPEG, PNG, WebP, HEIC) but this file is ${inspection.contentType}; upload it as kind=document`,
      });
    }
    const metadata = isImage(inspection.contentType)
      ? await readPhotoMetadata(inspection.head)
      : { capturedAt: null, latitude: null, longitude: null };
    const row = new EvidenceEntity();
    Object.assign(row, {
      id,
      caseNumber: hazardCase.caseNumber,
      kind: fields.kind,
      eventSequence: fields.eventSequence ?? null,
      hazardItemIndex: fields.hazardItemIndex ?? null,
      phase: fields.phase ?? null,
      replaces: fields.replaces ?? null,
      description: fields.description?.trim() || null,
      fileName: file.fileName,
      contentType: inspection.contentType,
      sizeBytes: String(inspection.sizeBytes),
      sha256: inspection.sha256,
      storage: this.store.kind,
      storageKey: key,
      capturedAt: metadata.capturedAt,
      gpsLatitude: metadata.latitude,
      gpsLongitude: metadata.longitude,
      uploadedBy: actor,
      uploadedAt: new Date(),
    } satisfies Partial<EvidenceEntity>);
    return row;
  }

  private uploadProblem(error: unknown, caseNumber: string): unknown {
    if (error instanceof EvidenceTooLargeError) return tooLarge(error.maxBytes);
    if (error instanceof EvidenceTypeMismatchError) {
      const found = error.sniffed ?? '不受支持的格式';
      const foundEn = error.sniffed ?? 'of no accepted type';
      return new ApiProblem('unsupported_media_type', {
        zh: `文件声明的类型是 ${error.declared}，但其内容是 ${found}；请按文件的真实类型上传（接受 JPEG、PNG、WebP、HEIC 和 PDF）`,
        en: `The file was declared as ${error.declared} but its bytes are ${foundEn}; declare its real type (JPEG, PNG, WebP, HEIC and PDF are accepted)`,
      });
    }
    if (error instanceof MalformedMultipartError) {
      return new ApiProblem('invalid_request', {
        zh: `multipart/form-data 请求体无效：${error.message}`,
        en: `The multipart/form-data body is invalid: ${error.message}`,
      });
    }
    this.logger.warn(`upload to case ${caseNumber} failed: ${error instanceof Error ? error.message : String(error)}`);
    return error;
  }
}

/** Groups the current before and after photos by hazard item, for the items that have any. */
function pairBeforeAndAfter(
  hazardCase: HazardCaseEntity,
  items: readonly EvidenceResponse[],
): HazardItemPhotosResponse[] {
  const byItem = new Map<number, HazardItemPhotosResponse>();
  for (const item of items) {
    if (!item.current || item.kind !== 'photo' || item.hazardItemIndex === null || item.phase === null) continue;
    let pair = byItem.get(item.hazardItemIndex);
    if (!pair) {
      pair = {
        hazardItemIndex: item.hazardItemIndex,
        hazardItem: hazardCase.hazardItems[item.hazardItemIndex]?.description ?? null,
        before: [],
        after: [],
      };
      byItem.set(item.hazardItemIndex, pair);
    }
    (item.phase === 'before' ? pair.before : pair.after).push(item);
  }
  return [...byItem.values()].sort((a, b) => a.hazardItemIndex - b.hazardItemIndex);
}

/** Returns the party an actor uploads for; only the same party may correct its evidence. */
function partyOf(actor: Actor): string {
  if (actor.kind === 'system') return 'system';
  if (actor.role === 'unit') return `unit:${actor.unitCreditCode ?? ''}`;
  if (actor.role === 'inspector' || actor.role === 'brigade_leader') return `brigade:${actor.jurisdictionCode ?? ''}`;
  return `government:${actor.jurisdictionCode ?? ''}`;
}

async function hashContent(content: Readable): Promise<{ sha256: string; sizeBytes: number }> {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  for await (const chunk of content) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    sizeBytes += bytes.length;
  }
  return { sha256: hash.digest('hex'), sizeBytes };
}

/** The content of an evidence file changed between its check and its download. */
export class ContentChangedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContentChangedError';
  }
}

/**
 * Passes content through while hashing it and holds back the last chunk until the end, so content
 * that changed since it was checked fails the stream before its final bytes reach the client.
 */
class VerifyingPassThrough extends Transform {
  private readonly hash = createHash('sha256');
  private size = 0;
  private lastChunk?: Buffer;

  constructor(private readonly expected: { sha256: string; sizeBytes: number }) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    const previous = this.lastChunk;
    this.lastChunk = chunk;
    callback(null, previous);
  }

  override _flush(callback: TransformCallback): void {
    const sha256 = this.hash.digest('hex');
    if (sha256 !== this.expected.sha256 || this.size !== this.expected.sizeBytes) {
      callback(
        new ContentChangedError(
          `the content changed while it was served: it now hashes to ${sha256} (${this.size} bytes)`,
        ),
      );
      return;
    }
    callback(null, this.lastChunk);
  }
}

function notMultipart(): ApiProblem {
  return new ApiProblem('unsupported_media_type', {
    zh: '请以 multipart/form-data 上传，文件放在名为 file 的字段中',
    en: 'Send multipart/form-data with the file in a part named file',
  });
}

function tooLarge(maxBytes: number, headers: Record<string, string> = {}): ApiProblem {
  return new ApiProblem(
    'payload_too_large',
    {
      zh: `文件超过上限 ${maxBytes} 字节（EVIDENCE_MAX_BYTES），未保存任何内容；请压缩或拆分后重新上传`,
      en: `The file exceeds the limit of ${maxBytes} bytes (EVIDENCE_MAX_BYTES) and nothing was stored; compress or split it and upload again`,
    },
    headers,
  );
}

function evidenceNotFound(caseNumber: string, id: string): ApiProblem {
  return new ApiProblem('evidence_not_found', {
    zh: `案件 ${caseNumber} 没有编号为 ${id} 的证据`,
    en: `Case ${caseNumber} has no evidence with id ${id}`,
  });
}

function alreadyReplaced(id: string, replacedBy?: string): ApiProblem {
  const by = replacedBy ? { zh: `（已由 ${replacedBy} 更正）`, en: ` (by ${replacedBy})` } : { zh: '', en: '' };
  return new ApiProblem('evidence_already_replaced', {
    zh: `证据 ${id} 已被更正${by.zh}；如需再次更正，请更正最新版本`,
    en: `Evidence ${id} has already been replaced${by.en}; to correct it again, replace the latest version`,
  });
}
