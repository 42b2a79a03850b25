import { Injectable, type PipeTransform } from '@nestjs/common';

import { RequestValidationError } from '../problems/request-validation.error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks an evidence id in the path. */
@Injectable()
export class EvidenceIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) throw new RequestValidationError([{ field: 'path.id', constraint: 'isUuid', params: {} }]);
    return value.toLowerCase();
  }
}
