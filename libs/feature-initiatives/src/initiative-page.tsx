import { initiativeQueries, useCan } from '@kompetansebro/api-client';
import type { InitiativeDetail, PlanItemDetail } from '@kompetansebro/domain';
import { Alert, BackAndHistoryLinks, Button, buttonLinkProps, Fact, Page, Section, StatusTag, useFocusAfterRender, useNoticeForThisVisit } from '@kompetansebro/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FundsSection } from './funds-section';
import { useInitiativeFeature, type InitiativeNotice } from './initiative-feature-context';
import { maturityLabel } from './maturity-label';
import { MobilitySection } from './mobility-section';
import { PeriodTimeline } from './period-timeline';
import { PlanBoard, planItemAddId, planItemEditId } from './plan-board';
import { PlanItemForm } from './plan-item-form';
import { PolicyAnchors } from './policy-anchors';
import './initiatives.css';

/** The record the page shows, from the route's params: its route loads it before the page shows. */
export function recordQuery({ id = '' }: { id?: string }) {
  return initiativeQueries.detail(id);
}

/** One initiative: funds, period and extensions, goals, the plan as a board, policy anchors, themes, partnership maturity, mobility. */
export function InitiativePage() {
  const { notice, setNotice } = useInitiativeFeature();
  // Loaded by the route before the page shows (its pending and error pages are the route's).
  const initiative = useSuspenseQuery(recordQuery(useParams({ strict: false })));
  const noticeForThisVisit = useNoticeForThisVisit(notice, setNotice);
  return <InitiativeDetails initiative={initiative.data} saved={noticeForThisVisit} />;
}

const savedKeys = {
  created: 'initiatives.notice.created',
  saved: 'initiatives.notice.saved',
} as const satisfies Record<InitiativeNotice, string>;

type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; item: PlanItemDetail };

function InitiativeDetails({ initiative, saved }: { initiative: InitiativeDetail; saved: InitiativeNotice | null }) {
  const { t } = useTranslation();
  // Filled after the first paint, so screen readers announce it (a live region must exist before it changes).
  const [savedStatus, setSavedStatus] = useState<InitiativeNotice | null>(null);
  useEffect(() => {
    if (saved) setSavedStatus(saved);
  }, [saved]);
  const { paths } = useInitiativeFeature();
  const canUpdate = useCan('initiative', 'update');
  const canCreate = useCan('initiative', 'create');
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [notice, setNotice] = useState('');
  const isPartnership = initiative.maturityLevel !== null || initiative.levels.length > 0;
  const showMobility = initiative.themes.includes('mobility') || initiative.themes.includes('internationalisation');

  // The form goes with its buttons: the focus returns to the button that opened it.
  const focusAfterRender = useFocusAfterRender();
  const closeForm = (message?: string) => {
    focusAfterRender(editing.kind === 'edit' ? planItemEditId(editing.item.id) : planItemAddId);
    setEditing({ kind: 'none' });
    if (message) setNotice(message);
  };

  return (
    <Page
      title={initiative.title}
      actions={
        <>
          {canUpdate && (
            <Link to={paths.edit} params={{ id: initiative.id }} {...buttonLinkProps('primary')}>
              {t('initiatives.detail.edit')}
            </Link>
          )}
          {paths.report && (
            <Link to={paths.report} search={{ tiltak: initiative.id }} {...buttonLinkProps('secondary')}>
              {t('initiatives.detail.report')}
            </Link>
          )}
        </>
      }
    >
      <div role="status">{savedStatus && <Alert color="success">{t(savedKeys[savedStatus])}</Alert>}</div>
      <BackAndHistoryLinks
        backTo={paths.list}
        backText={t('initiatives.detail.backToList')}
        historyPath={paths.history}
        entity="initiative"
        id={initiative.id}
        historyText={t('initiatives.detail.history')}
      />

      <p className="kb-cluster">
        <StatusTag>{t(`initiatives.kind.${initiative.kind}`)}</StatusTag>
        {initiative.sampleData && <StatusTag color="warning">{t('initiatives.detail.sampleDataTag')}</StatusTag>}
      </p>

      <dl className="kb-initiative-facts">
        <Fact label={t('initiatives.detail.owner')}>{initiative.ownerName ?? t('initiatives.notSet')}</Fact>
        <Fact label={t('initiatives.detail.funder')}>{initiative.funderName ?? t('initiatives.notSet')}</Fact>
        {initiative.parentId && (
          <Fact label={t('initiatives.detail.partOf')}>
            <Link className="ds-link" to={paths.detail} params={{ id: initiative.parentId }}>
              {initiative.parentTitle ?? initiative.parentId}
            </Link>
          </Fact>
        )}
      </dl>

      {initiative.description && <p className="ds-paragraph kb-initiative-description">{initiative.description}</p>}

      {initiative.children.length > 0 && (
        <Section id="initiative-children" title={t('initiatives.detail.children')}>
          <ul className="ds-list">
            {initiative.children.map((child) => (
              <li key={child.id}>
                <Link className="ds-link" to={paths.detail} params={{ id: child.id }}>
                  {child.title}
                </Link>
              </li>
            ))}
          </ul>
        </Section>
      )}

      <div className="kb-initiative-columns">
        <FundsSection budget={initiative.budget} />
        <PeriodTimeline startDate={initiative.startDate} plannedEndDate={initiative.plannedEndDate} extensions={initiative.extensions} />
      </div>

      <Section id="initiative-goals" title={t('initiatives.goals.title')}>
        {initiative.goals.length === 0 ? (
          <p className="ds-paragraph">{t('initiatives.goals.none')}</p>
        ) : (
          <ul className="ds-list">
            {initiative.goals.map((goal) => (
              <li key={goal.id}>{goal.text}</li>
            ))}
          </ul>
        )}
      </Section>

      <section aria-labelledby="initiative-plan">
        <div className="kb-page-header">
          <h2 className="ds-heading" data-size="sm" id="initiative-plan">
            {t('initiatives.board.title')}
          </h2>
          {canCreate && editing.kind === 'none' && (
            <Button id={planItemAddId} variant="secondary" onClick={() => setEditing({ kind: 'new' })}>
              {t('initiatives.board.add')}
            </Button>
          )}
        </div>
        <p className="ds-sr-only" role="status">
          {notice}
        </p>
        {editing.kind !== 'none' && (
          <PlanItemForm
            key={editing.kind === 'edit' ? editing.item.id : 'new'}
            initiativeId={initiative.id}
            item={editing.kind === 'edit' ? editing.item : null}
            latest={editing.kind === 'edit' ? (initiative.planItems.find((item) => item.id === editing.item.id) ?? null) : null}
            onDone={closeForm}
            onCancel={() => closeForm()}
          />
        )}
        {initiative.planItems.length === 0 ? (
          <p className="ds-paragraph">{t('initiatives.board.none')}</p>
        ) : (
          <PlanBoard initiativeId={initiative.id} items={initiative.planItems} canEdit={canUpdate} onEdit={(item) => setEditing({ kind: 'edit', item })} />
        )}
      </section>

      <PolicyAnchors anchors={initiative.policyAnchors} />

      <Section id="initiative-themes" title={t('initiatives.themes.title')}>
        {initiative.themes.length === 0 ? (
          <p className="ds-paragraph">{t('initiatives.themes.none')}</p>
        ) : (
          <ul className="kb-initiative-tags">
            {initiative.themes.map((theme) => (
              <li key={theme}>
                <StatusTag color="info">{t(`thematicArea.${theme}`)}</StatusTag>
              </li>
            ))}
          </ul>
        )}
      </Section>

      {isPartnership && (
        <Section id="initiative-partnership" title={t('initiatives.partnership.title')}>
          <dl className="kb-initiative-facts">
            {initiative.maturityLevel && (
              <Fact label={t('initiatives.partnership.maturity')}>
                {maturityLabel(t, initiative.maturityLevel)}
              </Fact>
            )}
            <Fact label={t('initiatives.partnership.levels')}>
              {initiative.levels.length === 0 ? t('initiatives.notSet') : initiative.levels.map((level) => t(`collaborationLevel.${level}`)).join(', ')}
            </Fact>
          </dl>
        </Section>
      )}

      <MobilitySection initiativeId={initiative.id} alwaysShow={showMobility} />

      {initiative.sampleData && <p className="ds-paragraph" data-size="sm">{t('initiatives.sampleData')}</p>}
    </Page>
  );
}
