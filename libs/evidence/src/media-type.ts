/** Media types evidence may have; everything else is rejected with 415. */
export const EVIDENCE_MEDIA_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
  'application/pdf',
] as const;

export type EvidenceMediaType = (typeof EVIDENCE_MEDIA_TYPES)[number];

/** Bytes from the start of a file that sniffMediaType needs to decide. */
export const SNIFF_BYTES = 64;

// ISO base media file brands (the ftyp box) of HEIC, that is HEIF with HEVC-coded images.
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
const HEIF_BRANDS = new Set(['mif1', 'msf1']);

/**
 * Finds the media type from the magic numbers at the start of the content: JPEG (FF D8 FF), PNG
 * (the 8-byte PNG signature), PDF (`%PDF-`), WebP (`RIFF` … `WEBP`), and HEIC or HEIF (an `ftyp`
 * box whose brands include a HEIF brand). AVIF shares the `mif1` brand but is not accepted. Returns
 * undefined for anything else.
 */
export function sniffMediaType(head: Buffer): EvidenceMediaType | undefined {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') {
    return 'image/webp';
  }
  if (head.length >= 16 && head.subarray(4, 8).toString('latin1') === 'ftyp') {
    const boxSize = Math.min(head.readUInt32BE(0), head.length);
    const brands = [head.subarray(8, 12).toString('latin1')];
    for (let offset = 16; offset + 4 <= boxSize; offset += 4) {
      brands.push(head.subarray(offset, offset + 4).toString('latin1'));
    }
    if (brands.includes('avif') || brands.includes('avis')) return undefined;
    if (brands.some((brand) => HEIC_BRANDS.has(brand))) return 'image/heic';
    if (brands.some((brand) => HEIF_BRANDS.has(brand))) return 'image/heif';
  }
  return undefined;
}

/**
 * True when the type a client declared names the sniffed type. Parameters and case are ignored,
 * `image/jpg` (a common misspelling) counts as JPEG, and HEIC and HEIF count as one family because
 * phones label the same files either way.
 */
export function declaredTypeMatches(declared: string, sniffed: EvidenceMediaType): boolean {
  const type = normalizeMediaType(declared);
  if (type === sniffed) return true;
  if (type === 'image/jpg' && sniffed === 'image/jpeg') return true;
  const heif = new Set(['image/heic', 'image/heif']);
  return heif.has(type) && heif.has(sniffed);
}

export function normalizeMediaType(value: string): string {
  return (value.split(';')[0] ?? '').trim().toLowerCase();
}

export function isImage(type: EvidenceMediaType): boolean {
  return type.startsWith('image/');
}

/** File name extension to use for a media type in a download's Content-Disposition. */
export const MEDIA_TYPE_EXTENSIONS: Record<EvidenceMediaType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/heif': 'heif',
  'application/pdf': 'pdf',
};
