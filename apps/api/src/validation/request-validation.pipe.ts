import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';

import { checkCreditCode, creditCodeCheckCharacter, isUnstorable } from '@duban/domain';

import { RequestValidationError, type FieldViolation } from '../problems/request-validation.error';

/**
 * Validates request bodies and query strings against their DTO classes. Unknown fields are
 * rejected, not dropped, so a misspelt field never passes unnoticed. Types are not coerced: a
 * number sent where a string belongs is an error. Query DTOs convert with @Type where they need to.
 */
@Injectable()
export class RequestValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = metadata.metatype;
    if (!type || metadata.type === 'custom' || [String, Number, Boolean, Array, Object].includes(type as never)) {
      return value;
    }
    if (metadata.type === 'body' && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw new RequestValidationError([{ field: '(body)', constraint: 'isJsonObject', params: {} }]);
    }
    const unstorable = findUnstorableText(value, metadata.type === 'query' ? 'query' : '');
    if (unstorable) throw new RequestValidationError([{ field: unstorable, constraint: 'isStorableText', params: {} }]);
    const instance = plainToInstance<object, unknown>(type as new () => object, value ?? {});
    const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
    if (errors.length > 0) {
      const prefix = metadata.type === 'query' ? 'query.' : '';
      throw new RequestValidationError(flattenErrors(errors, prefix));
    }
    return instance;
  }
}

const MAX_DEPTH = 32;
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Returns the path of the first value a request may not carry, or undefined when there is none. Such a
 * value is a string or key with a NUL character or a lone surrogate (PostgreSQL cannot store either), a
 * reserved key such as __proto__, or a value nested deeper than any request needs.
 */
export function findUnstorableText(value: unknown, path: string, depth = 0): string | undefined {
  const location = path === '' ? '(body)' : path;
  if (depth > MAX_DEPTH) return location;
  if (typeof value === 'string') return isUnstorable(value) ? location : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnstorableText(item, `${path}[${index}]`, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const child = path === '' ? key : `${path}.${key}`;
      // A JSON key such as __proto__ never names a field, and some libraries treat it as the prototype.
      if (isUnstorable(key) || PROTOTYPE_KEYS.has(key)) return child;
      const found = findUnstorableText(item, child, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** Turns class-validator's error tree into one violation per failed constraint, with JSON paths. */
export function flattenErrors(errors: readonly ValidationError[], prefix = ''): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const visit = (error: ValidationError, parentPath: string): void => {
    let path: string;
    if (parentPath === '') path = error.property;
    else if (/^\d+$/.test(error.property)) path = `${parentPath}[${error.property}]`;
    else path = `${parentPath}.${error.property}`;
    const constraints = Object.keys(error.constraints ?? {});
    // One message per field is enough when it is missing or null, since every other check fails with it.
    const only = ['isDefined', 'isNotNull'].find((name) => constraints.includes(name));
    const reported = only ? [only] : constraints;
    for (const constraint of reported) {
      violations.push(describeViolation(`${prefix}${path}`, constraint, error));
    }
    for (const child of error.children ?? []) visit(child, path);
  };
  for (const error of errors) visit(error, '');
  return violations;
}

function describeViolation(field: string, constraint: string, error: ValidationError): FieldViolation {
  const params = (error.contexts?.[constraint] ?? {}) as Record<string, unknown>;
  if (constraint === 'isCreditCode' && typeof error.value === 'string') {
    const problem = checkCreditCode(error.value);
    if (problem === 'length') return { field, constraint: 'creditCodeLength', params };
    if (problem === 'characters') return { field, constraint: 'creditCodeCharacters', params };
    const expected = creditCodeCheckCharacter(error.value.slice(0, 17));
    return { field, constraint: 'creditCodeCheckCharacter', params: { expected } };
  }
  return { field, constraint, params };
}
