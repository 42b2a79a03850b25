import { encode } from 'jpeg-js';
import piexif from 'piexifjs';

/** Encodes a small grey JPEG without metadata. */
export function plainJpeg(): Buffer {
  const width = 16;
  const height = 16;
  return encode({ data: Buffer.alloc(width * height * 4, 180), width, height }, 80).data;
}

/**
 * Builds a JPEG whose EXIF contains a capture time (EXIF local time, no offset tag) and a GPS position.
 * piexifjs writes it, so the server's EXIF reader is checked against an independent writer.
 */
export function jpegWithExif(takenAt: string, latitude: number, longitude: number): Buffer {
  const exif: Record<number, unknown> = { [piexif.ExifIFD.DateTimeOriginal]: takenAt };
  const gps: Record<number, unknown> = {
    [piexif.GPSIFD.GPSLatitudeRef]: latitude >= 0 ? 'N' : 'S',
    [piexif.GPSIFD.GPSLatitude]: piexif.GPSHelper.degToDmsRational(Math.abs(latitude)),
    [piexif.GPSIFD.GPSLongitudeRef]: longitude >= 0 ? 'E' : 'W',
    [piexif.GPSIFD.GPSLongitude]: piexif.GPSHelper.degToDmsRational(Math.abs(longitude)),
  };
  const exifBytes = piexif.dump({ '0th': {}, Exif: exif, GPS: gps });
  return Buffer.from(piexif.insert(exifBytes, plainJpeg().toString('binary')), 'binary');
}

/** Pads a JPEG after its end marker to `size` bytes, so a sniffer still sees a JPEG of any size. */
export function paddedJpeg(size: number): Buffer {
  const jpeg = plainJpeg();
  return Buffer.concat([jpeg, Buffer.alloc(Math.max(0, size - jpeg.length), 0)]);
}

/** Returns the first bytes of a PNG: its signature and an IHDR chunk. */
export function pngBytes(): Buffer {
  const ihdr = Buffer.from('0000000d49484452000000100000001008060000001ff3ff61', 'hex');
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, Buffer.alloc(64)]);
}
