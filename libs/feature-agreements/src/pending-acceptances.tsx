import { agreementAcceptanceQueries, useCan } from '@kompetansebro/api-client';
import { formatDate, useLanguage } from '@kompetansebro/i18n';
import { QueryError, RecordLink, Section, Skeleton } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

/**
 * The agreements waiting for the answer of the organisation the user acts for: its tasks, each
 * linking to the agreement where it accepts or declines. For any app's home page (the centre
 * portal, the university liaison's overview, the library portal); shown only to roles that answer.
 */
export function PendingAcceptances({ agreementPath, amendments = true }: { agreementPath: string; amendments?: boolean }) {
  const mayAnswer = useCan('agreement_acceptance', 'create');
  if (!mayAnswer) return null;
  return <PendingAcceptanceList agreementPath={agreementPath} amendments={amendments} />;
}

/** `amendments` false: amendments are left out of the list (the app shows them with `PendingAmendments`, before → after). */
function PendingAcceptanceList({ agreementPath, amendments }: { agreementPath: string; amendments: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const tasks = useQuery({ ...agreementAcceptanceQueries.pending(), select: (all) => (amendments ? all : all.filter((task) => task.amendmentNumber === null)) });
  const period = (from: string | null, to: string | null) =>
    [from ? formatDate(from, language) : '', to ? formatDate(to, language) : ''].filter(Boolean).join('–');
  return (
    <Section id="agreement-tasks" title={t('agreements.tasks.title')} className="kb-stack">
      {tasks.isPending ? (
        <Skeleton />
      ) : tasks.isError ? (
        <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : tasks.data.length === 0 ? (
        <p className="ds-paragraph">{t('agreements.tasks.none')}</p>
      ) : (
        <ul className="kb-stack">
          {tasks.data.map((task) => (
            <li key={`${task.agreementId}-${task.actorId}-${task.amendmentNumber ?? 1}`}>
              <p className="ds-paragraph">
                <RecordLink to={agreementPath} id={task.agreementId}>
                  {task.title}
                </RecordLink>{' '}
                {task.amendmentNumber !== null && ` — ${t('agreements.amendments.version', { number: task.amendmentNumber })}`} — {task.actorName}
                {task.startDate || task.endDate ? `. ${t('agreements.tasks.period', { period: period(task.startDate, task.endDate) })}` : ''}
              </p>
              {task.declined && <p className="ds-paragraph">{t('agreements.tasks.declined')}</p>}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
