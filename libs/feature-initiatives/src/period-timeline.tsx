import { currentEndDate, todayInNorway, type Extension } from '@kompetansebro/domain';
import { formatDate, useLanguage } from '@kompetansebro/i18n';
import { Section } from '@kompetansebro/ui';
import { useTranslation } from 'react-i18next';

interface PeriodTimelineProps {
  startDate: string | null;
  plannedEndDate: string | null;
  extensions: readonly Extension[];
}

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/**
 * The period with each extension: a drawing for the eye (hidden from screen readers) and, for
 * everyone, the same in a list — start, planned end, each extension asked for (and its decision),
 * and the end in force. Status is written, never shown by colour alone.
 */
export function PeriodTimeline({ startDate, plannedEndDate, extensions }: PeriodTimelineProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const date = (iso: string) => <time dateTime={iso}>{formatDate(iso, language)}</time>;
  const currentEnd = currentEndDate({ plannedEndDate, extensions: [...extensions] });
  const sorted = [...extensions].sort((a, b) => a.askedOn.localeCompare(b.askedOn));
  const ends = [plannedEndDate, ...sorted.map((e) => e.requestedEnd)].filter((d): d is string => d !== null);
  const last = ends.sort().at(-1) ?? null;
  const today = todayInNorway();

  const drawable = startDate !== null && last !== null && day(last) > day(startDate);
  const position = (iso: string) => {
    if (!drawable) return 0;
    const share = (day(iso) - day(startDate)) / (day(last) - day(startDate));
    return Math.max(0, Math.min(100, share * 100));
  };

  return (
    <Section id="initiative-period" title={t('initiatives.period.title')}>
      {drawable && (
        <div className="kb-timeline" aria-hidden="true">
          <div className="kb-timeline__track">
            {plannedEndDate && <span className="kb-timeline__span kb-timeline__span--planned" style={{ width: `${position(plannedEndDate)}%` }} />}
            {sorted.map((extension) => (
              <span
                key={extension.id}
                className={`kb-timeline__marker kb-timeline__marker--${extension.status}`}
                style={{ left: `${position(extension.requestedEnd)}%` }}
                title={formatDate(extension.requestedEnd, language)}
              />
            ))}
            {today >= startDate && today <= last && <span className="kb-timeline__today" style={{ left: `${position(today)}%` }} />}
          </div>
          <div className="kb-timeline__legend">
            <span>{formatDate(startDate, language)}</span>
            <span>{formatDate(last, language)}</span>
          </div>
          <ul className="kb-timeline__key">
            <li>
              <span className="kb-timeline__swatch kb-timeline__swatch--planned" /> {t('initiatives.period.keyPlanned')}
            </li>
            <li>
              <span className="kb-timeline__swatch kb-timeline__marker--granted" /> {t('initiatives.extensionStatus.granted')}
            </li>
            <li>
              <span className="kb-timeline__swatch kb-timeline__marker--asked" /> {t('initiatives.extensionStatus.asked')}
            </li>
            <li>
              <span className="kb-timeline__swatch kb-timeline__today-swatch" /> {t('initiatives.period.today')}
            </li>
          </ul>
        </div>
      )}
      {startDate === null && plannedEndDate === null && extensions.length === 0 ? (
        <p className="ds-paragraph">{t('initiatives.period.none')}</p>
      ) : (
      <ol className="kb-timeline__list">
        <li>{startDate ? <>{t('initiatives.period.start')}: {date(startDate)}</> : t('initiatives.period.noStart')}</li>
        <li>{plannedEndDate ? <>{t('initiatives.period.plannedEnd')}: {date(plannedEndDate)}</> : t('initiatives.period.noPlannedEnd')}</li>
        {sorted.map((extension, index) => (
          <li key={extension.id}>
            <strong>{t('initiatives.period.extension', { number: index + 1 })}:</strong> {t('initiatives.period.askedOn')} {date(extension.askedOn)},{' '}
            {t('initiatives.period.requestedEnd')} {date(extension.requestedEnd)} — {t(`initiatives.extensionStatus.${extension.status}`)}
            {extension.decidedOn && (
              <>
                {' '}
                {date(extension.decidedOn)}
              </>
            )}
            {extension.note && <> ({extension.note})</>}
          </li>
        ))}
        <li>
          <strong>{t('initiatives.period.currentEnd')}:</strong> {currentEnd ? date(currentEnd) : t('initiatives.notSet')}
        </li>
      </ol>
      )}
    </Section>
  );
}
