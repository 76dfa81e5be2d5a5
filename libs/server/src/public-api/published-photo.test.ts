import sharp from 'sharp';
import type { Photo } from '@kompetansebro/domain';
import type { TestServer } from '@kompetansebro/testing/server';
import { json } from '../testing/fixture.test';

// Test support for the finder's and the open data's integration tests: a photo of a library,
// uploaded as the county admin through the photos API (web sizes made by sharp, as in use).
// Named *.test.ts so it may use the testing library; Vitest runs no test of its own here.

/** A camera-sized photo: 1600 × 1200 JPEG. */
const photoBytes = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#5a7d4f' } }).jpeg().toBuffer();

export interface PhotoFacts {
  altText: string;
  photographer: string;
  rights: 'licence' | 'consent';
  rightsDetail: string;
  published: boolean;
  mediebankUrl?: string;
}

/** Uploads a photo of `actorId` as the county admin; published or not as `facts` say. */
export async function uploadPhoto(server: TestServer, actorId: string, facts: PhotoFacts): Promise<Photo> {
  const form = new FormData();
  for (const [name, value] of Object.entries({ ...facts, actorId })) form.set(name, String(value));
  form.set('file', new File([new Uint8Array(photoBytes)], 'bilde.jpg', { type: 'image/jpeg' }));
  return json<Photo>(await server.request('/api/photos', { method: 'POST', body: form }), 201);
}
