import { policyLevels, type PolicyAnchor } from '@kompetansebro/domain';
import { Section } from '@kompetansebro/ui';
import { useTranslation } from 'react-i18next';

/** The policy the initiative rests on, grouped by level (EU, national, regional, local), each with its link. */
export function PolicyAnchors({ anchors }: { anchors: readonly PolicyAnchor[] }) {
  const { t } = useTranslation();
  return (
    <Section id="initiative-anchors" title={t('initiatives.anchors.title')}>
      {anchors.length === 0 ? (
        <p className="ds-paragraph">{t('initiatives.anchors.none')}</p>
      ) : (
        policyLevels
          .filter((level) => anchors.some((anchor) => anchor.level === level))
          .map((level) => (
            <div key={level} className="kb-stack">
              <h3 className="ds-heading" data-size="xs">
                {t(`initiatives.policyLevel.${level}`)}
              </h3>
              <ul className="ds-list">
                {anchors
                  .filter((anchor) => anchor.level === level)
                  .map((anchor) => (
                    <li key={anchor.id}>
                      {anchor.url ? (
                        <a className="ds-link" href={anchor.url} rel="noreferrer" target="_blank">
                          {anchor.title}
                          <span className="ds-sr-only"> ({t('initiatives.anchors.opensNewTab')})</span>
                        </a>
                      ) : (
                        anchor.title
                      )}
                      {anchor.period && <> ({anchor.period})</>}
                    </li>
                  ))}
              </ul>
            </div>
          ))
      )}
    </Section>
  );
}
