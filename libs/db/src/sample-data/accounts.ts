import type { Transaction } from 'kysely';
import type { Role } from '@kompetansebro/domain';
import type { Database } from '../database';
import { mainLibraryKey } from './actors';
import { sampleId } from './sample-id';
import { insertNewSampleRows } from './sample-rows';

/** The argon2id hash of the demo password "kompetansebro" (demo accounts only, listed in the README). */
const DEMO_PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$mTBDbyanyBSnb532bdanRA$ks+Ar2/HnjY73OsMiuV7nSGTFHXPwK2224tuH9W5oMI';

interface DemoAccount {
  email: string;
  name: string;
  memberships: Array<{ organisation: string; role: Role }>;
}

/** One account per role and kind of organisation; the county admin acts for two organisations. */
export const demoAccounts: readonly DemoAccount[] = [
  {
    email: 'fylke@demo.kompetansebro.no',
    name: 'Fylkesbiblioteket (demo)',
    memberships: [
      { organisation: 'county-library', role: 'county_admin' },
      { organisation: 'county', role: 'county_admin' },
    ],
  },
  { email: 'fylke-innsyn@demo.kompetansebro.no', name: 'Fylkeskommunen, innsyn (demo)', memberships: [{ organisation: 'county', role: 'county_viewer' }] },
  { email: 'namdal@demo.kompetansebro.no', name: 'Namdal studiesenter (demo)', memberships: [{ organisation: 'study-centre-namdal', role: 'study_centre_coordinator' }] },
  { email: 'fosen@demo.kompetansebro.no', name: 'Fosen studiesenter (demo)', memberships: [{ organisation: 'study-centre-fosen', role: 'study_centre_coordinator' }] },
  {
    email: 'trondelag-sor@demo.kompetansebro.no',
    name: 'Studiesenter Trøndelag sør (demo)',
    memberships: [{ organisation: 'study-centre-trondelag-sor', role: 'study_centre_coordinator' }],
  },
  {
    email: 'trondelag-sorvest@demo.kompetansebro.no',
    name: 'Studiesenter Trøndelag sørvest (demo)',
    memberships: [{ organisation: 'study-centre-trondelag-sorvest', role: 'study_centre_coordinator' }],
  },
  { email: 'ntnu@demo.kompetansebro.no', name: 'NTNU Universitetsbiblioteket (demo)', memberships: [{ organisation: 'ntnu-library', role: 'university_liaison' }] },
  { email: 'nord@demo.kompetansebro.no', name: 'Nord universitetsbibliotek (demo)', memberships: [{ organisation: 'nord-library', role: 'university_liaison' }] },
  { email: 'namsos@demo.kompetansebro.no', name: 'Namsos bibliotek (demo)', memberships: [{ organisation: mainLibraryKey('5007'), role: 'library_editor' }] },
  // Plan-item owners no other role acts for (issue 19): they see and move on their own plan items.
  { email: 'karriere@demo.kompetansebro.no', name: 'Karrieresenteret i Trøndelag (demo)', memberships: [{ organisation: 'career-centre', role: 'partner_contact' }] },
  { email: 'nord-namsos@demo.kompetansebro.no', name: 'Nord universitet Namsos (demo)', memberships: [{ organisation: 'nord-namsos', role: 'partner_contact' }] },
];

/** Loads the demo accounts; returns how many were added (0 when they exist already). */
export async function loadDemoAccounts(trx: Transaction<Database>): Promise<number> {
  const users = await insertNewSampleRows(trx, 'app_user', demoAccounts, (a) => ({ id: sampleId('user', a.email), email: a.email, name: a.name, password_hash: DEMO_PASSWORD_HASH }));
  await trx
    .insertInto('membership')
    .values(
      demoAccounts.flatMap((a) =>
        a.memberships.map((m) => ({ user_id: sampleId('user', a.email), organisation_id: sampleId('actor', m.organisation), role: m.role })),
      ),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
  return users.size;
}
