import { remainingFunds, type Budget } from '@kompetansebro/domain';
import { formatAmount, useLanguage } from '@kompetansebro/i18n';
import { Fact, Section } from '@kompetansebro/ui';
import { useTranslation } from 'react-i18next';

/** Granted, spent and remaining, in kroner as the language writes them ("1 250 000,50 kr"). */
export function FundsSection({ budget }: { budget: Budget | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const remaining = remainingFunds(budget);
  return (
    <Section id="initiative-funds" title={t('initiatives.funds.title')}>
      {budget === null || remaining === null ? (
        <p className="ds-paragraph">{t('initiatives.funds.none')}</p>
      ) : (
        <dl className="kb-initiative-facts">
          <Fact label={t('initiatives.funds.granted')}>{formatAmount(budget.granted, language)}</Fact>
          <Fact label={t('initiatives.funds.spent')}>{formatAmount(budget.spent, language)}</Fact>
          <Fact label={t('initiatives.funds.remaining')}>
            <strong>{formatAmount(remaining, language)}</strong>
            {remaining < 0 && <> ({t('initiatives.funds.overspent')})</>}
          </Fact>
        </dl>
      )}
    </Section>
  );
}
