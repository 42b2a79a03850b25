import { declaredTypeMatches, sniffMediaType } from './media-type';

function ftyp(major: string, ...compatible: string[]): Buffer {
  const size = 16 + 4 * compatible.length;
  const box = Buffer.alloc(size + 8);
  box.writeUInt32BE(size, 0);
  box.write('ftyp', 4, 'latin1');
  box.write(major, 8, 'latin1');
  compatible.forEach((brand, index) => box.write(brand, 16 + 4 * index, 'latin1'));
  return box;
}

describe('sniffMediaType', () => {
  it.each([
    ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg'],
    ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'image/png'],
    ['PDF', Buffer.from('%PDF-1.7\n%âãÏÓ', 'latin1'), 'application/pdf'],
    ['WebP', Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]), 'image/webp'],
    ['HEIC', ftyp('heic', 'mif1', 'heic'), 'image/heic'],
    ['HEIF with a HEIC brand', ftyp('mif1', 'mif1', 'heic'), 'image/heic'],
    ['plain HEIF', ftyp('mif1', 'mif1'), 'image/heif'],
  ])('recognises %s', (_name, head, type) => {
    expect(sniffMediaType(head)).toBe(type);
  });

  it.each([
    ['AVIF', ftyp('avif', 'mif1', 'avif')],
    ['MP4', ftyp('isom', 'isom', 'mp41')],
    ['text', Buffer.from('hello, world')],
    ['an empty file', Buffer.alloc(0)],
    ['GIF', Buffer.from('GIF89a')],
  ])('rejects %s', (_name, head) => {
    expect(sniffMediaType(head)).toBeUndefined();
  });
});

describe('declaredTypeMatches', () => {
  it('ignores case and parameters', () => {
    expect(declaredTypeMatches('Image/JPEG; charset=binary', 'image/jpeg')).toBe(true);
  });

  it('accepts image/jpg for JPEG', () => {
    expect(declaredTypeMatches('image/jpg', 'image/jpeg')).toBe(true);
  });

  it('treats HEIC and HEIF as one family', () => {
    expect(declaredTypeMatches('image/heif', 'image/heic')).toBe(true);
  });

  it('rejects another type', () => {
    expect(declaredTypeMatches('image/png', 'image/jpeg')).toBe(false);
    expect(declaredTypeMatches('application/octet-stream', 'application/pdf')).toBe(false);
  });
});
