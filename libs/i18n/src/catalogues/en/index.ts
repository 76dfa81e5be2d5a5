import type { Catalogue } from '../../catalogue';

/**
 * English: the JSON files in this folder, joined side by side into one catalogue and one chunk
 * (no two files share a top-level key; catalogue.ts and its unit test check the shape).
 */
export const en = Object.assign({}, ...Object.values(import.meta.glob('./*.json', { eager: true, import: 'default' }))) as Catalogue;
