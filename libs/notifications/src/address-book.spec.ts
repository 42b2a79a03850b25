import { AddressBook, AddressBookError } from './address-book';

const BOOK = JSON.stringify({
  roles: [
    { role: 'government_leader', jurisdictionCode: '430102', emails: ['leader@furong.example.gov.cn'] },
    { role: 'government_leader', jurisdictionCode: '430102', emails: ['deputy@furong.example.gov.cn'] },
    { role: 'brigade_leader', jurisdictionCode: '430100', emails: ['brigade@changsha.example.gov.cn'] },
  ],
  units: [{ unitCreditCode: '91350100M000100Y43', emails: ['safety@hotel.example.com'] }],
});

describe('AddressBook', () => {
  const book = AddressBook.parse(BOOK);

  it('finds every address of a role in its jurisdiction', () => {
    const addresses = book.addressesFor({
      kind: 'role',
      role: 'government_leader',
      jurisdictionCode: '430102',
      unitCreditCode: null,
    });

    expect(addresses).toEqual(['leader@furong.example.gov.cn', 'deputy@furong.example.gov.cn']);
  });

  it('matches a jurisdiction exactly, not the ones below it', () => {
    const addresses = book.addressesFor({
      kind: 'role',
      role: 'brigade_leader',
      jurisdictionCode: '430102',
      unitCreditCode: null,
    });

    expect(addresses).toEqual([]);
  });

  it('finds a unit by its credit code', () => {
    const addresses = book.addressesFor({
      kind: 'unit',
      role: null,
      jurisdictionCode: '350102',
      unitCreditCode: '91350100M000100Y43',
    });

    expect(addresses).toEqual(['safety@hotel.example.com']);
  });

  it('lists every problem of an invalid book', () => {
    const invalid = JSON.stringify({
      roles: [{ role: 'mayor', jurisdictionCode: '12', emails: ['not-an-address'] }],
      units: [{ unitCreditCode: '91350100M000100Y44', emails: [] }],
      teams: [],
    });

    let caught: unknown;
    try {
      AddressBook.parse(invalid);
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(AddressBookError);
    expect((caught as AddressBookError).problems).toEqual([
      'teams: is not a known field; remove it',
      'roles[0].role: must be one of inspector, brigade_leader, government_officer, government_leader, unit, admin',
      'roles[0].jurisdictionCode: must be a six-digit GB/T 2260 code such as 430102',
      'roles[0].emails[0]: "not-an-address" is not an email address',
      'units[0].unitCreditCode: must be a valid 18-character unified social credit code',
      'units[0].emails: must be a non-empty array of email addresses',
    ]);
  });

  it('rejects a file that is not JSON', () => {
    expect(() => AddressBook.parse('roles: []')).toThrow(AddressBookError);
  });
});
