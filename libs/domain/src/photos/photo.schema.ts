import { z } from 'zod';
import { plainTextSchema, webUrlSchema } from '../common/text';

// Photos of a library or branch (issue 14): who took them, on what terms they may be used, a text
// for those who cannot see them, and an optional link to the item in KS Mediebank. The server
// keeps web sizes only; students see a photo once it is published.

/** At most 10 MB in; anything larger is refused before it is read. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/** The web sizes a photo is served in (its width in pixels at most; never enlarged). */
export const photoSizes = { small: 480, large: 1280 } as const;
export type PhotoSize = keyof typeof photoSizes;
export const photoSizeSchema = z.enum(Object.keys(photoSizes) as [PhotoSize, ...PhotoSize[]]);

/** Under a licence (its name: "CC BY 4.0", "Fylkeskommunens avtale med fotografen") or with the consent of those shown. */
export const photoRightsKinds = ['licence', 'consent'] as const;
export const photoRightsSchema = z.enum(photoRightsKinds);

export const photoErrorCodes = {
  notAnImage: 'not_an_image',
  tooLarge: 'too_large',
  actorNotFound: 'actor_not_found',
} as const;

/** What a person says about a photo (upload and change alike). */
export const photoFieldsSchema = z.object({
  /** For those who cannot see the photo: what it shows (required). */
  altText: plainTextSchema(300, 1),
  photographer: plainTextSchema(200, 1),
  rights: photoRightsSchema,
  /** The licence's name, or whose consent and when. */
  rightsDetail: plainTextSchema(300, 1),
  mediebankUrl: webUrlSchema(500).nullable().default(null),
  published: z.boolean().default(false),
});
export type PhotoFields = z.infer<typeof photoFieldsSchema>;

/**
 * The form fields of an upload (multipart/form-data, so every value is text): the photo in
 * `file`, which library or branch in `actorId`, and the fields above.
 */
export const photoUploadFieldsSchema = photoFieldsSchema.extend({
  actorId: z.uuid(),
  mediebankUrl: z.preprocess((value) => (value === '' ? null : value), webUrlSchema(500).nullable().default(null)),
  published: z.preprocess((value) => value === 'true' || value === true, z.boolean()),
});

export const photoUpdateSchema = photoFieldsSchema.partial().strict();
export type PhotoUpdate = z.infer<typeof photoUpdateSchema>;

export const photoSchema = z.object({
  id: z.uuid(),
  actorId: z.uuid(),
  actorName: z.string(),
  altText: z.string(),
  photographer: z.string(),
  rights: photoRightsSchema,
  rightsDetail: z.string(),
  mediebankUrl: z.string().nullable(),
  published: z.boolean(),
  /** The largest web size's width and height. */
  width: z.number().int(),
  height: z.number().int(),
  /** Where each web size is served (WebP). */
  urls: z.object({ small: z.string(), large: z.string() }),
  version: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Photo = z.infer<typeof photoSchema>;

export const photoListQuerySchema = z.object({ actor: z.uuid().optional() });
