import { Controller, Get, HttpStatus, Logger, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiInternalServerErrorResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';

import type { Actor } from '@duban/domain';
import { EVIDENCE_MEDIA_TYPES, MEDIA_TYPE_EXTENSIONS, type EvidenceMediaType } from '@duban/evidence';
import { EVIDENCE_KINDS, EVIDENCE_PHASES } from '@duban/persistence';

import { CurrentActor } from '../auth/current-actor.decorator';
import { CaseNumberPipe } from '../validation/parameters';
import { EvidenceListResponse, EvidenceResponse, ListEvidenceQuery } from './dto/evidence.response';
import { DESCRIPTION_MAX_LENGTH } from './dto/upload-evidence.fields';
import { EvidenceIdPipe } from './evidence-id.pipe';
import { ContentChangedError, EvidenceService } from './evidence.service';
import { MultipartUpload } from '../validation/json-content-type.interceptor';

@ApiTags('evidence (证据)')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'No case (or evidence) with this id within the caller’s scope' })
@Controller('cases/:caseNumber/evidence')
export class EvidenceController {
  private readonly logger = new Logger(EvidenceController.name);

  constructor(private readonly evidence: EvidenceService) {}

  @Post()
  @ApiOperation({
    summary: 'Upload a photo or document (上传证据)',
    description:
      'Streams the file to storage while computing its SHA-256. The type is sniffed from the bytes and must match the ' +
      'declared Content-Type of the file part; EXIF capture time and GPS are recorded for images. Evidence is never ' +
      'changed: send `replaces` to upload a corrected version of earlier evidence.',
  })
  @ApiConsumes('multipart/form-data')
  @MultipartUpload()
  @ApiBody({
    schema: {
      type: 'object',
      required: ['kind', 'file'],
      properties: {
        kind: { type: 'string', enum: [...EVIDENCE_KINDS], description: 'photo (照片) or document (文件)' },
        eventSequence: {
          type: 'integer',
          minimum: 1,
          description: 'Case event it belongs to, such as a progress report',
        },
        hazardItemIndex: { type: 'integer', minimum: 0, description: 'Index of the hazard item (隐患项) it shows' },
        phase: {
          type: 'string',
          enum: [...EVIDENCE_PHASES],
          description: 'before (整改前) or after (整改后); needs hazardItemIndex',
        },
        replaces: { type: 'string', format: 'uuid', description: 'Id of the evidence this upload corrects (更正)' },
        description: { type: 'string', maxLength: DESCRIPTION_MAX_LENGTH },
        file: { type: 'string', format: 'binary', description: `One of ${EVIDENCE_MEDIA_TYPES.join(', ')}` },
      },
    },
  })
  @ApiCreatedResponse({ type: EvidenceResponse })
  @ApiForbiddenResponse({ description: 'The caller may not correct evidence another party uploaded' })
  @ApiPayloadTooLargeResponse({ description: 'The file is larger than EVIDENCE_MAX_BYTES; nothing was stored' })
  @ApiUnsupportedMediaTypeResponse({
    description: 'The bytes do not match the declared type, or the type is not accepted',
  })
  async upload(
    @CurrentActor() actor: Actor,
    @Param('caseNumber', CaseNumberPipe) caseNumber: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EvidenceResponse> {
    const created = await this.evidence.upload(actor, caseNumber, request);
    response.status(HttpStatus.CREATED).location(`/cases/${caseNumber}/evidence/${created.id}`);
    return created;
  }

  @Get()
  @ApiOperation({
    summary: 'List the evidence of a case (证据列表)',
    description: 'Current versions oldest first, and the before/after photos of each hazard item side by side.',
  })
  @ApiOkResponse({ type: EvidenceListResponse })
  list(
    @CurrentActor() actor: Actor,
    @Param('caseNumber', CaseNumberPipe) caseNumber: string,
    @Query() query: ListEvidenceQuery,
  ): Promise<EvidenceListResponse> {
    return this.evidence.list(actor, caseNumber, query.includeReplaced ?? false);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read the metadata of one piece of evidence (证据详情)' })
  @ApiOkResponse({ type: EvidenceResponse })
  get(
    @CurrentActor() actor: Actor,
    @Param('caseNumber', CaseNumberPipe) caseNumber: string,
    @Param('id', EvidenceIdPipe) id: string,
  ): Promise<EvidenceResponse> {
    return this.evidence.get(actor, caseNumber, id);
  }

  @Get(':id/content')
  @ApiOperation({
    summary: 'Download the content of one piece of evidence (下载证据)',
    description:
      'The SHA-256 is checked against the one recorded at upload before any byte is sent; a mismatch is a 500 ' +
      'evidence_integrity_error and is logged. Repr-Digest and ETag carry the hash.',
  })
  @ApiProduces(...EVIDENCE_MEDIA_TYPES)
  @ApiOkResponse({ description: 'The file' })
  @ApiInternalServerErrorResponse({ description: 'evidence_integrity_error: the stored content is missing or changed' })
  async content(
    @CurrentActor() actor: Actor,
    @Param('caseNumber', CaseNumberPipe) caseNumber: string,
    @Param('id', EvidenceIdPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    const { evidence, content } = await this.evidence.openContent(actor, caseNumber, id);
    const extension = MEDIA_TYPE_EXTENSIONS[evidence.contentType as EvidenceMediaType] ?? 'bin';
    response.status(HttpStatus.OK);
    // attachment() guesses a Content-Type from the file name, so the sniffed type is set after it.
    response.attachment(evidence.fileName ?? `${evidence.id}.${extension}`);
    response.setHeader('Content-Type', evidence.contentType);
    response.setHeader('Content-Length', evidence.sizeBytes);
    response.setHeader('ETag', `"sha256-${evidence.sha256}"`);
    response.setHeader('Repr-Digest', `sha-256=:${Buffer.from(evidence.sha256, 'hex').toString('base64')}:`);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'private, max-age=0');
    try {
      await pipeline(content, response);
    } catch (error) {
      // The headers are gone, so the only signal left is a cut connection: the body arrives incomplete.
      if (error instanceof ContentChangedError) this.evidence.integrityFailure(evidence, error.message);
      else this.logger.warn(`download of evidence ${evidence.id} of case ${caseNumber} ended early: ${String(error)}`);
      response.destroy();
    }
  }
}
