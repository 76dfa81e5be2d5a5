import { agreementAcceptanceQueries, agreementQueries, useCan } from '@kompetansebro/api-client';
import type { PendingAcceptance } from '@kompetansebro/domain';
import { QueryError, RecordLink, Section, Skeleton } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Amendment } from './agreement-amendments';
import { MoreTasks } from './more-tasks';
import { homeTaskFilters } from './pending-acceptances-home';
import './agreements.css';

/** An amendment waiting for an organisation: its agreement and its version number. */
type AmendmentTask = Pick<PendingAcceptance, 'agreementId' | 'amendmentNumber'>;

/**
 * The amendments waiting for the acceptance of the organisation the user acts for, each with what
 * changes (before → after), why, and the button that accepts it — on its app's home page or above
 * its agreement list, so it need not open each agreement. One accepted stays shown, accepted, until
 * the page is left. Shown only to roles that answer; nothing when none waits (unless `showNone`).
 */
export function PendingAmendments({ agreementPath, tasksPath, showNone = false }: { agreementPath: string; tasksPath: string; showNone?: boolean }) {
  const mayAnswer = useCan('agreement_acceptance', 'create');
  if (!mayAnswer) return null;
  return <PendingAmendmentList agreementPath={agreementPath} tasksPath={tasksPath} showNone={showNone} />;
}

/** The newest few (each reads its agreement to show the change); the rest are on the list of every task. */
function PendingAmendmentList({ agreementPath, tasksPath, showNone }: { agreementPath: string; tasksPath: string; showNone: boolean }) {
  const { t } = useTranslation();
  const tasks = useQuery(agreementAcceptanceQueries.list(homeTaskFilters('amendment')));
  // Remembered, so one the user just accepted stays on the screen (accepted) when the tasks refetch;
  // taken only from settled answers, never from a cached one that is being refetched.
  const [shown, setShown] = useState<AmendmentTask[]>([]);
  const settled = tasks.isFetching ? undefined : tasks.data;
  useEffect(() => {
    const waiting = (settled?.items ?? []).filter((task) => task.amendmentNumber !== null);
    setShown((current) => [...current, ...waiting.filter((task) => !current.some((seen) => seen.agreementId === task.agreementId && seen.amendmentNumber === task.amendmentNumber))]);
  }, [settled]);

  if (tasks.isPending) return <Skeleton />;
  if (tasks.isError) return <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />;
  if (shown.length === 0 && !showNone) return null;
  return (
    <Section id="amendment-tasks" title={t('agreements.pendingAmendments.title')} intro={t('agreements.pendingAmendments.intro')} className="kb-stack">
      {shown.length === 0 ? (
        <p className="ds-paragraph">{t('agreements.pendingAmendments.none')}</p>
      ) : (
        <ul className="kb-stack kb-pending-amendments">
          {shown.map((task) => (
            <PendingAmendment key={`${task.agreementId}-${task.amendmentNumber}`} task={task} agreementPath={agreementPath} />
          ))}
        </ul>
      )}
      <MoreTasks page={tasks.data} to={tasksPath} kind="amendment" />
    </Section>
  );
}

function PendingAmendment({ task, agreementPath }: { task: AmendmentTask; agreementPath: string }) {
  const agreement = useQuery(agreementQueries.detail(task.agreementId));
  if (agreement.isPending) return <Skeleton />;
  if (agreement.isError) return <QueryError error={agreement.error} onRetry={() => void agreement.refetch()} />;
  const amendment = agreement.data.amendments.find((candidate) => candidate.number === task.amendmentNumber);
  return (
    <li className="kb-stack">
      <p className="ds-paragraph">
        <strong>
          <RecordLink to={agreementPath} id={agreement.data.id}>
            {agreement.data.title}
          </RecordLink>
        </strong>
      </p>
      {amendment && (
        <ol className="kb-stack">
          <Amendment agreement={agreement.data} amendment={amendment} />
        </ol>
      )}
    </li>
  );
}
