import {
  DomainRuleError,
  inActorSet,
  photoErrorCodes,
  NotFoundError,
  type Photo,
  type PhotoFields,
  type PhotoSize,
  type PhotoUpdate,
} from '@kompetansebro/domain';
import { requireWritable, visibleActors, type Scope } from '../auth/visibility';
import type { Executor } from '../persistence/executor';
import { actorFacts, iso, type ChangeContext } from '../persistence/repository-helpers';
import { auditedCreate, nextVersion, versionedChange, versionedRemoval, type ExpectedVersion } from '../persistence/versioned-change';
import type { WebImage } from './photo-images';

// Photos of a library or branch (issue 14): read by whoever reads the actor, added, changed and
// removed by whoever may change its services and contacts (a library editor its own library and
// branches, the county admin all). Students reach published photos only, through
// `publishedPhotosOf` and `publishedPhotoImage` (no Scope: what is published is public).

function photoRows(db: Executor) {
  return db
    .selectFrom('photo as p')
    .innerJoin('actor as a', 'a.id', 'p.actor_id')
    .select([
      'p.id',
      'p.actor_id',
      'a.name as actor_name',
      'p.alt_text',
      'p.photographer',
      'p.rights',
      'p.rights_detail',
      'p.mediebank_url',
      'p.published',
      'p.width',
      'p.height',
      'p.version',
      'p.created_at',
      'p.updated_at',
    ]);
}

type PhotoRow = Awaited<ReturnType<ReturnType<typeof photoRows>['execute']>>[number];

/** Where a web size of a photo is served. */
export const photoImagePath = (id: string, size: PhotoSize) => `/api/photos/${id}/images/${size}`;

function toPhoto(row: PhotoRow): Photo {
  return {
    id: row.id,
    actorId: row.actor_id,
    actorName: row.actor_name,
    altText: row.alt_text,
    photographer: row.photographer,
    rights: row.rights,
    rightsDetail: row.rights_detail,
    mediebankUrl: row.mediebank_url,
    published: row.published,
    width: row.width,
    height: row.height,
    urls: { small: photoImagePath(row.id, 'small'), large: photoImagePath(row.id, 'large') },
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** The photos of the actors the scope reads (of one actor, when named), newest first. */
export async function listPhotos(db: Executor, scope: Scope, query: { actor?: string | undefined }): Promise<Photo[]> {
  let rows = photoRows(db).where(visibleActors(scope, 'a'));
  if (query.actor) rows = rows.where('p.actor_id', '=', query.actor);
  return (await rows.orderBy('p.created_at', 'desc').orderBy('p.id').limit(200).execute()).map(toPhoto);
}

/** One photo; 404 when the scope cannot see its actor. */
export async function getPhoto(db: Executor, scope: Scope, id: string): Promise<Photo> {
  const row = await photoRows(db).where('p.id', '=', id).where(visibleActors(scope, 'a')).executeTakeFirst();
  if (!row) throw new NotFoundError('photo');
  return toPhoto(row);
}

/** 400 naming `actorId` when the scope cannot see the actor (as for any reference), 403 when it may not change its records. */
async function requireActorWritable(db: Executor, scope: Scope, actorId: string): Promise<void> {
  const facts = (await actorFacts(db, [actorId])).get(actorId);
  if (facts === undefined || !inActorSet(scope.actors.read, facts)) {
    throw new DomainRuleError([{ path: 'actorId', code: photoErrorCodes.actorNotFound, message: 'No library or branch has this id' }]);
  }
  requireWritable(facts !== undefined && inActorSet(scope.actorRecords.write, facts), 'You may see this library’s photos but not change them');
}

const columnsOf = (fields: PhotoUpdate) => ({
  ...(fields.altText === undefined ? {} : { alt_text: fields.altText }),
  ...(fields.photographer === undefined ? {} : { photographer: fields.photographer }),
  ...(fields.rights === undefined ? {} : { rights: fields.rights }),
  ...(fields.rightsDetail === undefined ? {} : { rights_detail: fields.rightsDetail }),
  ...(fields.mediebankUrl === undefined ? {} : { mediebank_url: fields.mediebankUrl }),
  ...(fields.published === undefined ? {} : { published: fields.published }),
});

/** A new photo of `actorId` with its web sizes; audited (the facts, not the bytes). */
export async function addPhoto(db: Executor, scope: Scope, actorId: string, fields: PhotoFields, images: readonly WebImage[], change: ChangeContext): Promise<Photo> {
  await requireActorWritable(db, scope, actorId);
  const largest = images.reduce((a, b) => (b.width > a.width ? b : a));
  return auditedCreate(db, {
    entity: 'photo',
    context: change,
    insert: async (trx) => {
      const { id } = await trx
        .insertInto('photo')
        .values({
          actor_id: actorId,
          alt_text: fields.altText,
          photographer: fields.photographer,
          rights: fields.rights,
          rights_detail: fields.rightsDetail,
          mediebank_url: fields.mediebankUrl,
          published: fields.published,
          width: largest.width,
          height: largest.height,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('photo_image')
        .values(images.map((image) => ({ photo_id: id, size: image.size, content_type: image.contentType, width: image.width, height: image.height, bytes: image.bytes })))
        .execute();
      return id;
    },
    read: (trx, id) => getPhoto(trx, scope, id),
  });
}

/** The versioned record a change of a photo acts on: one the scope sees (404) and may change (403). */
async function writablePhoto(db: Executor, scope: Scope, id: string) {
  const photo = await getPhoto(db, scope, id);
  await requireActorWritable(db, scope, photo.actorId);
  return { table: 'photo' as const, id, entity: 'photo' as const, read: (trx: Executor) => getPhoto(trx, scope, id) };
}

/** Changes what is said about a photo (alt text, photographer, rights, link, published), If-Match; audited. */
export async function updatePhoto(db: Executor, scope: Scope, id: string, fields: PhotoUpdate, expectedVersion: ExpectedVersion, change: ChangeContext): Promise<Photo> {
  return versionedChange(db, {
    ...(await writablePhoto(db, scope, id)),
    expectedVersion,
    action: 'update',
    context: change,
    write: async (trx) => {
      await trx.updateTable('photo').set({ ...columnsOf(fields), ...nextVersion }).where('id', '=', id).execute();
    },
  });
}

/** Removes a photo and its web sizes, If-Match; audited. */
export async function removePhoto(db: Executor, scope: Scope, id: string, expectedVersion: ExpectedVersion, change: ChangeContext): Promise<void> {
  await versionedRemoval(db, {
    ...(await writablePhoto(db, scope, id)),
    expectedVersion,
    context: change,
    write: async (trx) => {
      await trx.deleteFrom('photo').where('id', '=', id).execute();
    },
  });
}

/** The bytes of one web size of a photo the scope sees; 404 otherwise. */
export async function readPhotoImage(db: Executor, scope: Scope, id: string, size: PhotoSize): Promise<{ contentType: string; bytes: Uint8Array }> {
  await getPhoto(db, scope, id);
  return imageOf(db, id, size);
}

async function imageOf(db: Executor, id: string, size: PhotoSize): Promise<{ contentType: string; bytes: Uint8Array }> {
  const image = await db.selectFrom('photo_image').select(['content_type', 'bytes']).where('photo_id', '=', id).where('size', '=', size).executeTakeFirst();
  if (!image) throw new NotFoundError('photo');
  return { contentType: image.content_type, bytes: new Uint8Array(image.bytes) };
}

/**
 * For the students' public finder: the published photos of a library or branch (or of several),
 * newest first. No Scope, because only published photos come out — what the library chose to
 * show everyone. Serve their images with `publishedPhotoImage` (the `urls` point at the staff
 * route, which a public route should replace with its own).
 */
export async function publishedPhotosOf(db: Executor, actorIds: string | readonly string[]): Promise<Photo[]> {
  const ids = typeof actorIds === 'string' ? [actorIds] : [...actorIds];
  if (ids.length === 0) return [];
  const rows = await photoRows(db).where('p.actor_id', 'in', ids).where('p.published', '=', true).orderBy('p.created_at', 'desc').orderBy('p.id').execute();
  return rows.map(toPhoto);
}

/** For the public finder: one web size of a published photo of a library that is not archived; 404 otherwise (or when not there). */
export async function publishedPhotoImage(db: Executor, id: string, size: PhotoSize): Promise<{ contentType: string; bytes: Uint8Array }> {
  const published = await db
    .selectFrom('photo as p')
    .innerJoin('actor as a', 'a.id', 'p.actor_id')
    .select('p.id')
    .where('p.id', '=', id)
    .where('p.published', '=', true)
    .where('a.archived_at', 'is', null)
    .executeTakeFirst();
  if (!published) throw new NotFoundError('photo');
  return imageOf(db, id, size);
}
