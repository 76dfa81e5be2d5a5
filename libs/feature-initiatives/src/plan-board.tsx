import { ApiError, useUpdatePlanItem } from '@kompetansebro/api-client';
import { planItemOverdue, planItemStatuses, todayInNorway, type PlanItemDetail, type PlanItemStatus } from '@kompetansebro/domain';
import { formatDate, formatNumber, useLanguage } from '@kompetansebro/i18n';
import { Alert, Button, httpErrorText, Select } from '@kompetansebro/ui';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useInitiativeFeature } from './initiative-feature-context';

/** The id of a plan item's edit button, for the focus to return to when its form closes. */
export const planItemEditId = (itemId: string) => `plan-item-edit-${itemId}`;
export const planItemAddId = 'plan-item-add';

interface PlanBoardProps {
  initiativeId: string;
  items: readonly PlanItemDetail[];
  canEdit: boolean;
  onEdit: (item: PlanItemDetail) => void;
}

/**
 * The plan as a board: a column per status (planned, in progress, done, dropped), each card with
 * who is responsible, when it is due (overdue said in words), the result its owner wrote, and its results. The status changes
 * with a select on the card — keyboard and screen reader alike; no dragging needed.
 */
export function PlanBoard({ initiativeId, items, canEdit, onEdit }: PlanBoardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const update = useUpdatePlanItem(initiativeId);
  const [message, setMessage] = useState<{ kind: 'moved' | 'failed'; text: string } | null>(null);
  const today = todayInNorway();

  const move = (item: PlanItemDetail, status: PlanItemStatus) => {
    setMessage(null);
    update.mutate(
      { itemId: item.id, changes: { status }, version: item.version },
      {
        onSuccess: () => setMessage({ kind: 'moved', text: t('initiatives.board.moved', { title: item.title, status: t(`initiatives.planStatus.${status}`) }) }),
        onError: (error) =>
          setMessage({
            kind: 'failed',
            // 412: the board refetches (the cache update runs on errors too), so the user sees the other change and can choose again.
            text: error instanceof ApiError && error.status === 412 ? t('initiatives.board.stale', { title: item.title }) : error instanceof ApiError ? httpErrorText(t, error.status) : t('states.errorBody'),
          }),
      },
    );
  };

  return (
    <div className="kb-stack">
      <p className="ds-sr-only" role="status">
        {message?.kind === 'moved' ? message.text : ''}
      </p>
      {message?.kind === 'failed' && (
        <Alert color="warning" role="alert">
          <p className="ds-paragraph">{message.text}</p>
        </Alert>
      )}
      <div className="kb-board">
        {planItemStatuses.map((status) => {
          const column = items.filter((item) => item.status === status);
          const headingId = `plan-column-${status}`;
          return (
            <section key={status} className="kb-board__column" aria-labelledby={headingId} data-status={status}>
              <h3 className="ds-heading" data-size="xs" id={headingId}>
                {t(`initiatives.planStatus.${status}`)} <span className="kb-board__count">({formatNumber(column.length, language)})</span>
              </h3>
              {column.length === 0 ? (
                <p className="ds-paragraph" data-size="sm">
                  {t('initiatives.board.emptyColumn')}
                </p>
              ) : (
                <ul className="kb-board__cards">
                  {column.map((item) => (
                    <li key={item.id}>
                      <PlanCard item={item} overdue={planItemOverdue(item.dueDate, item.status, today)} canEdit={canEdit} busy={update.isPending && update.variables?.itemId === item.id} onMove={move} onEdit={onEdit} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}

interface PlanCardProps {
  item: PlanItemDetail;
  overdue: boolean;
  canEdit: boolean;
  busy: boolean;
  onMove: (item: PlanItemDetail, status: PlanItemStatus) => void;
  onEdit: (item: PlanItemDetail) => void;
}

function PlanCard({ item, overdue, canEdit, busy, onMove, onEdit }: PlanCardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { paths } = useInitiativeFeature();
  const results = item.activities.length + item.agreements.length;
  return (
    <article className="kb-board__card" aria-labelledby={`plan-item-${item.id}`} data-overdue={overdue || undefined}>
      <h4 className="ds-heading" data-size="2xs" id={`plan-item-${item.id}`}>
        {item.title}
      </h4>
      <dl className="kb-board__facts">
        <dt>{t('initiatives.board.responsible')}</dt>
        <dd>{item.responsibleActorName ?? t('initiatives.notSet')}</dd>
        <dt>{t('initiatives.board.due')}</dt>
        <dd>
          {item.dueDate ? <time dateTime={item.dueDate}>{formatDate(item.dueDate, language)}</time> : t('initiatives.notSet')}
          {overdue && <strong className="kb-board__overdue"> — {t('initiatives.board.overdue')}</strong>}
        </dd>
        {item.resultText && (
          <>
            <dt>{t('initiatives.board.result')}</dt>
            <dd className="kb-board__result-text">{item.resultText}</dd>
          </>
        )}
      </dl>
      {results > 0 && (
        <div>
          <p className="ds-paragraph" data-size="sm">
            <strong>{t('initiatives.board.results')}</strong>
          </p>
          <ul className="kb-board__results">
            {item.activities.map((activity) => (
              <li key={activity.id}>
                {t('initiatives.board.activity')}:{' '}
                {paths.activity ? (
                  <Link className="ds-link" to={paths.activity} params={{ id: activity.id }}>
                    {activity.title}
                  </Link>
                ) : (
                  activity.title
                )}
              </li>
            ))}
            {item.agreements.map((agreement) => (
              <li key={agreement.id}>
                {t('initiatives.board.agreement')}:{' '}
                {paths.agreement ? (
                  <Link className="ds-link" to={paths.agreement} params={{ id: agreement.id }}>
                    {agreement.title}
                  </Link>
                ) : (
                  agreement.title
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {canEdit && (
        <div className="kb-board__actions">
          <Select
            label={
              <>
                {t('initiatives.board.status')}
                <span className="ds-sr-only"> {t('initiatives.board.statusFor', { title: item.title })}</span>
              </>
            }
            options={planItemStatuses.map((status) => ({ value: status, label: t(`initiatives.planStatus.${status}`) }))}
            value={item.status}
            disabled={busy}
            onChange={(event) => onMove(item, event.target.value as PlanItemStatus)}
          />
          <Button id={planItemEditId(item.id)} variant="tertiary" data-size="sm" onClick={() => onEdit(item)} aria-label={t('initiatives.board.editFor', { title: item.title })}>
            {t('common.edit')}
          </Button>
        </div>
      )}
    </article>
  );
}
