import type { AgreementDetail } from '@kompetansebro/domain';
import type { TFunction } from 'i18next';

type Transition = Pick<AgreementDetail['transitions'][number], 'from' | 'to' | 'note' | 'noteCode' | 'noteParams'>;

/**
 * An agreement history entry's note in the reader's language: the system's own note by its code,
 * what a person typed as typed (the county's reason for signing without every acceptance, a remark).
 */
export function agreementTransitionNote(t: TFunction, transition: Pick<Transition, 'note' | 'noteCode' | 'noteParams'>): string | null {
  const { note, noteCode, noteParams } = transition;
  if (!noteCode) return note;
  if (noteCode === 'signed_without_acceptance') return t('agreementNote.signed_without_acceptance', { missing: noteParams?.['missing'] ?? '', reason: note ?? '' });
  const said = t(`agreementNote.${noteCode}`);
  return note ? `${said} — ${note}` : said;
}

/** "Under forhandling → Signert (Alle parter har godtatt)": a history entry as one line, every screen alike. */
export function agreementTransitionText(t: TFunction, transition: Transition): string {
  const note = agreementTransitionNote(t, transition);
  return `${transition.from ? `${t(`agreementStatus.${transition.from}`)} → ` : ''}${t(`agreementStatus.${transition.to}`)}${note ? ` (${note})` : ''}`;
}
