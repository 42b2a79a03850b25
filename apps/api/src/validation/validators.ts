import { registerDecorator, ValidateIf, type ValidationOptions } from 'class-validator';

import { chinaDateOf, isCalendarDate, isCaseNumber, isJurisdictionCode, isValidCreditCode } from '@duban/domain';

function rule(name: string, test: (value: unknown) => boolean) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (target, propertyName) =>
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: String(propertyName),
        options,
        validator: { validate: test },
      });
}

/** A real calendar date written YYYY-MM-DD. */
export const IsCalendarDate = rule('isCalendarDate', (v) => typeof v === 'string' && isCalendarDate(v));

/** A date no later than today in China Standard Time; checked only once the date itself is valid. */
export const IsNotFutureChinaDate = rule(
  'isNotFutureChinaDate',
  (v) => typeof v !== 'string' || !isCalendarDate(v) || v <= chinaDateOf(new Date()),
);

export const IsCaseNumber = rule('isCaseNumber', (v) => typeof v === 'string' && isCaseNumber(v));

/** A clause number of a GB 35181 or GA 653 edition, such as 6.2, 5.1.3 a) or A.1. */
const CLAUSE_NUMBER = /^(?:[A-Z]\.)?\d{1,2}(?:\.\d{1,2}){0,4}(?: ?[a-z]\))?$/;

export const IsClauseNumber = rule('isClauseNumber', (v) => typeof v === 'string' && CLAUSE_NUMBER.test(v));

/**
 * Checks the clauses of a determination: at least one, unless the outcome is not_major.
 * NOTE: the case command names no edition, so its clauses are checked for form only, not against an
 * edition's catalogue as validateDeterminationDecision checks a record that names one.
 */
export const HasClausesForOutcome =
  (options?: ValidationOptions): PropertyDecorator =>
  (target, propertyName) =>
    registerDecorator({
      name: 'hasClausesForOutcome',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown, args) =>
          (args?.object as { outcome?: unknown }).outcome === 'not_major' || !Array.isArray(value) || value.length > 0,
      },
    });

export const IsJurisdictionCode = rule('isJurisdictionCode', (v) => typeof v === 'string' && isJurisdictionCode(v));

/** A unified social credit code with a correct check character; the message names the part that is wrong. */
export const IsCreditCode = rule('isCreditCode', (v) => typeof v === 'string' && isValidCreditCode(v));

/** Text with at least one character that is not white space (including the ideographic space U+3000). */
export const IsNotBlank = rule('isNotBlank', (v) => typeof v !== 'string' || v.trim() !== '');

const IsNotNull = rule('isNotNull', (v) => v !== null);

/**
 * Marks a body field that may be omitted but not sent as null. class-validator's @IsOptional skips every
 * check for null too, so a null would reach the database or be dropped unnoticed. This decorator skips the
 * checks only for undefined, and null fails `isNotNull`.
 */
export function IsOmittable(): PropertyDecorator {
  return (target, propertyName) => {
    ValidateIf((_object: object, value: unknown) => value !== undefined)(target, propertyName);
    IsNotNull()(target, propertyName);
  };
}
