import { canActOnCase, COMMAND_ROLES, isWithinJurisdiction, jurisdictionPrefix } from './roles';

describe('roles and jurisdiction scope', () => {
  it.each([
    ['430102', '430102', true],
    ['430102', '430100', true],
    ['430102', '430000', true],
    ['430102', '430103', false],
    ['430102', '440000', false],
    ['430100', '430102', false],
  ])('case in %s is within %s: %s', (code, scope, expected) => {
    expect(isWithinJurisdiction(code, scope)).toBe(expected);
  });

  it('takes the code prefix of each level', () => {
    expect(jurisdictionPrefix('430000')).toBe('43');
    expect(jurisdictionPrefix('430100')).toBe('4301');
    expect(jurisdictionPrefix('430102')).toBe('430102');
  });

  it('scopes units to their cases, admins to none', () => {
    const scope = { jurisdictionCode: '430102', unitCreditCode: '91430102MA4L0Q0B18' };

    expect(canActOnCase({ kind: 'user', id: 'u', role: 'unit', unitCreditCode: '91430102MA4L0Q0B18' }, scope)).toBe(
      true,
    );
    expect(canActOnCase({ kind: 'user', id: 'u', role: 'unit', unitCreditCode: '91350100M000100Y43' }, scope)).toBe(
      false,
    );
    expect(canActOnCase({ kind: 'user', id: 'a', role: 'admin', jurisdictionCode: '430000' }, scope)).toBe(false);
    expect(canActOnCase({ kind: 'system', id: 'system' }, scope)).toBe(true);
  });

  it('gives the command table of the design', () => {
    expect(COMMAND_ROLES.record_determination).toEqual(['brigade_leader']);
    expect(COMMAND_ROLES.list_case).toEqual(['government_leader']);
    expect(COMMAND_ROLES.record_interview).toEqual(['government_officer', 'government_leader']);
    expect(COMMAND_ROLES.submit_plan).toEqual(['unit']);
    expect(COMMAND_ROLES.withdraw_case).toEqual(['brigade_leader', 'government_leader']);
  });
});
