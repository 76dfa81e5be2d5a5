import { agreementAcceptanceQueries, useCan } from '@kompetansebro/api-client';
import { formatDate, useLanguage } from '@kompetansebro/i18n';
import { QueryError, RecordLink, Section, Skeleton } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { homeTaskFilters } from './pending-acceptances-home';
import { MoreTasks } from './more-tasks';

interface PendingAcceptancesProps {
  agreementPath: string;
  /** false: amendments are left out of the list (the app shows them with `PendingAmendments`, before → after). */
  amendments?: boolean;
  /** The list of every task (`/avtaler/oppgaver`), linked when there are more than the home shows. */
  tasksPath: string;
}

/**
 * The agreements waiting for the answer of the organisation the user acts for: its newest tasks,
 * each linking to the agreement where it accepts or declines, with how many there are and a link
 * to all of them. For any app's home page (the centre portal, the university liaison's overview,
 * the library portal); shown only to roles that answer.
 */
export function PendingAcceptances(props: PendingAcceptancesProps) {
  const mayAnswer = useCan('agreement_acceptance', 'create');
  if (!mayAnswer) return null;
  return <PendingAcceptanceList {...props} />;
}

function PendingAcceptanceList({ agreementPath, amendments = true, tasksPath }: PendingAcceptancesProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const tasks = useQuery(agreementAcceptanceQueries.list(homeTaskFilters(amendments ? undefined : 'agreement')));
  const period = (from: string | null, to: string | null) =>
    [from ? formatDate(from, language) : '', to ? formatDate(to, language) : ''].filter(Boolean).join('–');
  return (
    <Section id="agreement-tasks" title={t('agreements.tasks.title')} className="kb-stack">
      {tasks.isPending ? (
        <Skeleton />
      ) : tasks.isError ? (
        <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : tasks.data.total === 0 ? (
        <p className="ds-paragraph">{t('agreements.tasks.none')}</p>
      ) : (
        <>
        <ul className="kb-stack">
          {tasks.data.items.map((task) => (
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
        <MoreTasks page={tasks.data} to={tasksPath} kind={amendments ? undefined : 'agreement'} />
        </>
      )}
    </Section>
  );
}
