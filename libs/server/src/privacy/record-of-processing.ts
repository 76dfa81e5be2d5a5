import { personalColumns, purposes, type DataSubject, type Erasure, type PersonalColumn, type Purpose } from './personal-data-register';

// The record of processing activities (GDPR art. 30(1)) as far as the system itself can tell it:
// generated from the personal-data register, so it never lags behind the schema. The controller's
// own parts (name, contact, recipients outside the system, transfers) are for the county to add.

const subjects: Record<DataSubject, string> = {
  contact: 'Contact persons at the partners (and people named by them)',
  user: 'Users of the service (county, study centres, libraries, universities)',
  caller: 'Anyone who tries to log in or asks for a password link',
};

function erasureText(erasure: Erasure): string {
  switch (erasure.by) {
    case 'row':
      return 'deleted with the person (erasure)';
    case 'match':
      return `cleared where it equals the erased person’s ${erasure.on === 'email' ? 'e-mail' : 'name'}`;
    case 'audit':
      return 'entries about the person redacted; her name and e-mail scrubbed from the others';
    case 'scrub':
      return 'the person’s name and e-mail replaced wherever they stand as a whole value';
    case 'kept':
      return `kept: ${erasure.why}`;
  }
}

interface Entry extends PersonalColumn {
  table: string;
  column: string;
}

/** The register's personal columns, grouped by purpose. */
function entriesByPurpose(): Map<Purpose, Entry[]> {
  const grouped = new Map<Purpose, Entry[]>();
  for (const [table, columns] of Object.entries(personalColumns)) {
    for (const [column, entry] of Object.entries(columns)) {
      const list = grouped.get(entry.purpose) ?? [];
      list.push({ ...entry, table, column });
      grouped.set(entry.purpose, list);
    }
  }
  return grouped;
}

/** The record of processing as Markdown: one section per purpose, with the data subjects and a table of the personal data. */
export function recordOfProcessing(generatedAt: Date = new Date()): string {
  const lines = [
    '# Record of processing activities (GDPR art. 30)',
    '',
    `Generated from the personal-data register of Kompetansebro on ${generatedAt.toISOString().slice(0, 10)}.`,
    'Controller: Trøndelag fylkeskommune. Recipients: only the organisations taking part, each seeing what the access policy lets it; no transfer outside the EEA.',
    '',
  ];
  for (const [purpose, entries] of entriesByPurpose()) {
    const whose = [...new Set(entries.map((entry) => subjects[entry.subject]))];
    lines.push(`## ${purposes[purpose]}`, '', `Data subjects: ${whose.join('; ')}.`, '', '| data | where | kept | on erasure |', '| --- | --- | --- | --- |');
    for (const entry of entries) lines.push(`| ${entry.holds} | \`${entry.table}.${entry.column}\` | ${entry.retention} | ${erasureText(entry.erasure)} |`);
    lines.push('');
  }
  return lines.join('\n');
}
