import { parse as parseExif } from 'exifr';

/** Capture time and place of a photo, from its EXIF. */
export interface PhotoMetadata {
  readonly capturedAt: Date | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
}

const NONE: PhotoMetadata = { capturedAt: null, latitude: null, longitude: null };

/** China Standard Time, assumed for an EXIF time that has no OffsetTimeOriginal. */
const CHINA_OFFSET = '+08:00';

/**
 * Reads capture time and GPS position from the EXIF in the first bytes of an image. The capture time
 * is DateTimeOriginal (else CreateDate) with OffsetTimeOriginal when the camera wrote one, otherwise
 * taken as China Standard Time. Returns nulls for anything missing or unreadable.
 *
 * NOTE: only `head` is searched. JPEG keeps EXIF in its first 64 KiB, but a HEIC file may store its
 * EXIF item further in, and then its metadata is not found.
 */
export async function readPhotoMetadata(head: Buffer): Promise<PhotoMetadata> {
  let tags: unknown;
  try {
    tags = await parseExif(head, {
      tiff: true,
      exif: true,
      gps: true,
      ifd1: false,
      xmp: false,
      icc: false,
      iptc: false,
      jfif: false,
      ihdr: false,
      reviveValues: false,
    });
  } catch {
    return NONE;
  }
  if (typeof tags !== 'object' || tags === null) return NONE;
  const record = tags as Record<string, unknown>;
  return {
    capturedAt: exifTime(record['DateTimeOriginal'] ?? record['CreateDate'], record['OffsetTimeOriginal']),
    latitude: coordinate(record['latitude'], 90),
    longitude: coordinate(record['longitude'], 180),
  };
}

/** Parses an EXIF time, `YYYY:MM:DD HH:MM:SS`, with an offset such as `+08:00`. */
function exifTime(value: unknown, offset: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match;
  const zone = typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset.trim()) ? offset.trim() : CHINA_OFFSET;
  const time = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${zone}`);
  return Number.isNaN(time.getTime()) ? null : time;
}

function coordinate(value: unknown, limit: number): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > limit) return null;
  return value;
}
