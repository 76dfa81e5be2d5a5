import { planItemOverdue, todayInNorway } from '@kompetansebro/domain';
import { formatDate, useLanguage } from '@kompetansebro/i18n';
import { EmptyState, StatusTag } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { overviewQueries } from './overview-data';
import { MoreThanShown, OverviewSection, OverviewTable, SectionStates } from './overview-section';

/** Open plan items due within 60 days or already past due, soonest first, with their initiative. */
export function PlanItemsDue() {
  const { t } = useTranslation();
  const language = useLanguage();
  const today = todayInNorway();
  const items = useQuery(overviewQueries.planItemsDue(today));

  return (
    <OverviewSection id="overview-plan" title={t('overview.plan.title')}>
      <p className="ds-paragraph">{t('overview.plan.intro')}</p>
      <SectionStates queries={[items]}>
        {() =>
          !items.data || items.data.total === 0 ? (
            <EmptyState title={t('overview.plan.empty')} headingLevel={3} />
          ) : (
            <>
              <OverviewTable
                title={t('overview.plan.title')}
                caption={t('overview.plan.title')}
                columns={[{ label: t('overview.plan.columnItem') }, { label: t('overview.plan.columnDue') }]}
              >
                {items.data.items.map((item) => {
                  const overdue = planItemOverdue(item.dueDate, item.status, today);
                  return (
                    <tr key={item.id}>
                      {/* Two columns, the rest under the title, so the due date fits a phone. */}
                      <th scope="row">
                        {item.title}
                        <span className="kb-overview-meta">
                          {t('overview.plan.columnInitiative')}: {item.initiativeTitle}
                        </span>
                        <span className="kb-overview-meta">
                          {t('overview.plan.columnStatus')}: {t(`overview.plan.itemStatus.${item.status}`)}
                        </span>
                        {item.responsibleActorName && (
                          <span className="kb-overview-meta">
                            {t('overview.plan.columnResponsible')}: {item.responsibleActorName}
                          </span>
                        )}
                      </th>
                      <td className="kb-overview-due">
                        {item.dueDate ? formatDate(item.dueDate, language) : '–'}
                        {overdue && (
                          <span className="kb-overview-tag">
                            <StatusTag color="danger">{t('overview.plan.overdue')}</StatusTag>
                          </span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </OverviewTable>
              <MoreThanShown shown={items.data.items.length} total={items.data.total} text={(counts) => t('overview.plan.more', counts)} />
            </>
          )
        }
      </SectionStates>
    </OverviewSection>
  );
}
