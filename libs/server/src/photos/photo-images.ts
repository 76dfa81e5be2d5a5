import sharp from 'sharp';
import { DomainRuleError, photoErrorCodes, photoSizes, type PhotoSize } from '@kompetansebro/domain';

/** One web size of a photo, as stored: WebP bytes and its dimensions. */
export interface WebImage {
  size: PhotoSize;
  contentType: 'image/webp';
  width: number;
  height: number;
  bytes: Uint8Array;
}

/** The raster formats a camera or phone gives; SVG and other vector or document formats are no photo. */
const PHOTO_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'tiff', 'heif', 'avif']);

const notAnImage = () =>
  new DomainRuleError([{ path: 'file', code: photoErrorCodes.notAnImage, message: 'The file is not a photo (JPEG, PNG, WebP, GIF, TIFF, HEIF or AVIF)' }]);

/**
 * The web sizes of an uploaded photo, made with sharp: turned upright by its EXIF orientation,
 * no wider than each size (never enlarged), as WebP without the camera's metadata (no GPS
 * position leaves the server). A file sharp cannot read as a raster image is a 400 naming `file`.
 */
export async function webSizesOf(upload: Uint8Array): Promise<WebImage[]> {
  let format: string | undefined;
  try {
    const metadata = await sharp(upload).metadata();
    format = metadata.width > 0 && metadata.height > 0 ? metadata.format : undefined;
  } catch {
    throw notAnImage();
  }
  if (!format || !PHOTO_FORMATS.has(format)) throw notAnImage();
  try {
    return await Promise.all(
      (Object.entries(photoSizes) as [PhotoSize, number][]).map(async ([size, width]) => {
        const { data, info } = await sharp(upload).rotate().resize({ width, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer({ resolveWithObject: true });
        return { size, contentType: 'image/webp' as const, width: info.width, height: info.height, bytes: new Uint8Array(data) };
      }),
    );
  } catch {
    // A header sharp reads but pixels it cannot (a truncated file).
    throw notAnImage();
  }
}
