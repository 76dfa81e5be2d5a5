import type { Transaction } from 'kysely';
import { norwegianSortKey } from '@kompetansebro/domain';
import type { Database } from '../database';
import { mainLibraryKey } from './actors';
import { sampleId } from './sample-id';
import { auditSampleLoad, insertNewSampleRows } from './sample-rows';

/**
 * Sample contact persons. Invented people: placeholder names (Nordmann), e-mail at example.org
 * (a domain reserved for examples) and no phone numbers, so no real person is named.
 */
interface SampleContact {
  key: string;
  actorKey: string;
  name: string;
  role: string;
  email: string;
}

const ROLE_NOTE = 'eksempeldata';

const sampleContacts: readonly SampleContact[] = [
  { key: 'study-centre-namdal-leader', actorKey: 'study-centre-namdal', name: 'Kari Nordmann', role: 'Daglig leder' },
  { key: 'study-centre-fosen-leader', actorKey: 'study-centre-fosen', name: 'Ola Nordmann', role: 'Daglig leder' },
  { key: 'study-centre-trondelag-sor-adviser', actorKey: 'study-centre-trondelag-sor', name: 'Ingrid Nordmann', role: 'Studieveileder' },
  { key: 'study-centre-trondelag-sorvest-adviser', actorKey: 'study-centre-trondelag-sorvest', name: 'Per Nordmann', role: 'Studieveileder' },
  { key: 'namsos-library-head', actorKey: mainLibraryKey('5007'), name: 'Marit Nordmann', role: 'Biblioteksjef' },
  { key: 'ntnu-library-liaison', actorKey: 'ntnu-library', name: 'Nils Nordmann', role: 'Kontaktbibliotekar for fjernlån' },
  { key: 'nord-library-liaison', actorKey: 'nord-library', name: 'Anne Nordmann', role: 'Seniorbibliotekar, Namsos' },
  { key: 'county-library-project', actorKey: 'county-library', name: 'Jon Nordmann', role: 'Prosjektleder' },
].map((c) => ({
  ...c,
  role: `${c.role} (${ROLE_NOTE})`,
  email: `${c.name.toLocaleLowerCase('nb').replace(/ /g, '.')}@example.org`,
}));

/** Loads the sample contacts; returns how many rows it added (0 when they exist already). */
export async function loadSampleContacts(trx: Transaction<Database>): Promise<number> {
  const added = await insertNewSampleRows(trx, 'contact', sampleContacts, (c) => ({
    id: sampleId('contact', c.key),
    actor_id: sampleId('actor', c.actorKey),
    name: c.name,
    sort_key: norwegianSortKey(c.name),
    role: c.role,
    email: c.email,
    phone: null,
  }));
  // Only the count: personal data never enters the audit log.
  await auditSampleLoad(trx, 'contact', { contacts: added.size });
  return added.size;
}
