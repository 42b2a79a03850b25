import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Observable } from 'rxjs';

import { ApiProblem } from '../problems/problem';

const MULTIPART_UPLOAD = 'duban:multipart-upload';

/** Marks a route that takes a multipart/form-data upload and checks the request's type itself. */
export const MultipartUpload = (): MethodDecorator => SetMetadata(MULTIPART_UPLOAD, true);

/**
 * Rejects a request body that is not JSON with 415, instead of letting the JSON parser skip it and
 * validation report every field missing. Routes marked as multipart uploads check their own type.
 */
@Injectable()
export class JsonContentTypeInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const multipart = this.reflector.get<boolean | undefined>(MULTIPART_UPLOAD, context.getHandler()) === true;
    if (hasBody(request) && !multipart && !isJson(request)) {
      const type = request.headers['content-type'] ?? '(none)';
      throw new ApiProblem('unsupported_media_type', {
        zh: `请求体的 Content-Type 为 ${type}：请以 application/json 发送`,
        en: `The request body has Content-Type ${type}: send it as application/json`,
      });
    }
    return next.handle();
  }
}

function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  if (length !== undefined) return length !== '0';
  return request.headers['transfer-encoding'] !== undefined;
}

function isJson(request: Request): boolean {
  return request.is(['application/json', 'application/*+json']) !== false;
}
