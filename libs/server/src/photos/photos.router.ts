import { z } from 'zod';
import { MAX_PHOTO_BYTES, photoErrorCodes, photoListQuerySchema, photoSchema, photoSizeSchema, photoUpdateSchema, photoUploadFieldsSchema } from '@kompetansebro/domain';
import { accessOf, scopeOf } from '../auth/visibility';
import { fileAnswer, jsonAnswer, routesTagged, versionedAnswer } from '../http/api-route';
import { createRouter, idParamsSchema } from '../http/openapi';
import { invalidInput } from '../http/problem';
import { changeRecord, removeRecord } from '../http/record-handlers';
import { recordRoutes } from '../http/record-routes';
import { versionedJson } from '../http/etag';
import { addPhoto, listPhotos, readPhotoImage, removePhoto, updatePhoto } from './photo.repository';
import { webSizesOf } from './photo-images';

// Photos of a library or branch (issue 14), under /api/photos: uploaded as multipart/form-data,
// kept in web sizes (WebP, made with sharp), served with caching headers.

const Photo = photoSchema.meta({ id: 'Photo' });
const tags = ['Photos'];
const route = routesTagged(...tags);
const photoRoutes = recordRoutes({ path: '/api/photos', policy: 'photo', tags, record: Photo });

const tooLarge = () => invalidInput([{ path: 'file', code: photoErrorCodes.tooLarge, message: 'A photo may be at most 10 MB' }]);

const listRoute = route('get', '/api/photos', ['photo', 'read'], {
  summary: 'The photos of the libraries the caller sees (of one library or branch with `actor`), newest first',
  request: { query: photoListQuerySchema },
  answers: { 200: jsonAnswer('The photos', z.object({ items: z.array(Photo) })) },
  problems: [400],
});

const uploadRoute = route('post', '/api/photos', ['photo', 'create'], {
  summary: 'Upload a photo (JPEG, PNG, WebP, …, at most 10 MB) of a library or branch as multipart/form-data: the image in "file", with alt text, photographer, licence or consent',
  // Refused before the body is read when it says it is larger than a photo may be.
  prepare: async (c, next) => {
    if (Number(c.req.header('content-length') ?? 0) > MAX_PHOTO_BYTES + 64 * 1024) throw tooLarge();
    await next();
  },
  request: {
    body: {
      content: { 'multipart/form-data': { schema: photoUploadFieldsSchema.extend({ file: z.any().meta({ type: 'string', format: 'binary' }) }) } },
      required: true,
    },
  },
  answers: { 201: versionedAnswer('Stored in web sizes', Photo) },
  problems: [400, 404],
});

const updateRoute = photoRoutes.update(photoUpdateSchema, 'Change what is said about a photo: alt text, photographer, licence or consent, Mediebank link, published (If-Match required)');
const removeRoute = photoRoutes.remove('Remove a photo and its web sizes (If-Match required)');

const imageRoute = route('get', '/api/photos/{id}/images/{size}', ['photo', 'read'], {
  summary: 'One web size of a photo (WebP); its bytes never change, so it may be cached for a year',
  request: { params: idParamsSchema.extend({ size: photoSizeSchema }) },
  answers: { 200: fileAnswer('The image', 'image/webp') },
  problems: [400, 404],
});

export const photosRouter = createRouter()
  .openapi(listRoute, async (c) => c.json({ items: await listPhotos(c.get('deps').db, await scopeOf(c), c.req.valid('query')) }, 200))
  .openapi(uploadRoute, async (c) => {
    const { file, actorId, ...fields } = c.req.valid('form');
    if (!(file instanceof File)) throw invalidInput([{ path: 'file', code: 'invalid_type', message: 'Send the photo in the field "file"' }]);
    if (file.size > MAX_PHOTO_BYTES) throw tooLarge();
    const images = await webSizesOf(new Uint8Array(await file.arrayBuffer()));
    const { scope, change } = await accessOf(c);
    const photo = await addPhoto(c.get('deps').db, scope, actorId, fields, images, change);
    c.header('Location', `/api/photos/${photo.id}`);
    return versionedJson(c, photo, 201);
  })
  .openapi(updateRoute, (c) =>
    changeRecord(c, ({ db, scope, change }, version) => updatePhoto(db, scope, c.req.valid('param').id, c.req.valid('json'), version, change)),
  )
  .openapi(removeRoute, (c) => removeRecord(c, ({ db, scope, change }, version) => removePhoto(db, scope, c.req.valid('param').id, version, change)))
  .openapi(imageRoute, async (c) => {
    const { id, size } = c.req.valid('param');
    const image = await readPhotoImage(c.get('deps').db, await scopeOf(c), id, size);
    return c.body(image.bytes.buffer as ArrayBuffer, 200, {
      'Content-Type': image.contentType,
      // A photo's web sizes are made once and never change (a new upload is a new photo): the browser keeps them.
      'Cache-Control': 'private, max-age=31536000, immutable',
      ETag: `"${id}-${size}"`,
    });
  });
