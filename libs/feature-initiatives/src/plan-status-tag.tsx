import type { PlanItemStatus } from '@kompetansebro/domain';
import { StatusTag, type DsColor } from '@kompetansebro/ui';
import { useTranslation } from 'react-i18next';

const statusColors: Record<PlanItemStatus, DsColor> = { planned: 'neutral', in_progress: 'info', done: 'success', dropped: 'warning' };

/** A plan item's status as a tag: its name in words, with a colour beside it (never the colour alone). */
export function PlanStatusTag({ status }: { status: PlanItemStatus }) {
  const { t } = useTranslation();
  return <StatusTag color={statusColors[status]}>{t(`initiatives.planStatus.${status}`)}</StatusTag>;
}
