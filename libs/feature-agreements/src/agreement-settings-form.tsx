import { agreementSettingsQueries, ApiError, useUpdateAgreementSettings } from '@kompetansebro/api-client';
import { MAX_EXPIRING_DAYS, parseWholeNumberText } from '@kompetansebro/domain';
import { Alert, Button, ErrorSummary, httpErrorText, QueryError, Section, Skeleton, TextField } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The county's agreement settings: how many days before its end an agreement in force becomes
 * "expiring" (default 90). Shown to the county admin on the agreement list; the API refuses others (403).
 */
export function AgreementSettingsForm() {
  const { t } = useTranslation();
  const settings = useQuery(agreementSettingsQueries.current());
  if (settings.isPending) return <Skeleton />;
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  return (
    <Section id="agreement-settings" title={t('agreements.settings.title')} className="kb-stack">
      <SettingsForm key={settings.data.version} expiringDays={settings.data.expiringDays} version={settings.data.version} onStale={() => void settings.refetch()} />
    </Section>
  );
}

const expiringDaysId = 'agreement-settings-expiring-days';

function SettingsForm({ expiringDays, version, onStale }: { expiringDays: number; version: number; onStale: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateAgreementSettings();
  const [value, setValue] = useState(String(expiringDays));
  const [invalid, setInvalid] = useState(false);
  // Each refused attempt moves the focus to the error summary, as in the other forms.
  const [attempt, setAttempt] = useState(0);
  const refuse = () => {
    setInvalid(true);
    setAttempt((count) => count + 1);
  };
  const [saved, setSaved] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const days = parseWholeNumberText(value);
    if (days === null || days > MAX_EXPIRING_DAYS) return refuse();
    setInvalid(false);
    update.mutate(
      { expiringDays: days, version },
      {
        onSuccess: () => setSaved(true),
        onError: (error) => {
          if (error instanceof ApiError && error.status === 412) onStale();
          if (error instanceof ApiError && error.fieldErrors['expiringDays']) refuse();
        },
      },
    );
  };

  return (
    <form className="kb-stack" noValidate onSubmit={submit}>
      <ErrorSummary errors={invalid ? [{ fieldId: expiringDaysId, message: t('agreements.settings.invalid') }] : []} focusKey={attempt} />
      <TextField
        id={expiringDaysId}
        label={t('agreements.settings.expiringDays')}
        description={t('agreements.settings.expiringDaysHelp')}
        inputMode="numeric"
        value={value}
        error={invalid ? t('agreements.settings.invalid') : undefined}
        onChange={(event) => setValue(event.target.value)}
      />
      <p>
        <Button type="submit" variant="secondary" loading={update.isPending} disabled={update.isPending}>
          {t('agreements.settings.save')}
        </Button>
      </p>
      <div role="status">{saved && <p className="ds-paragraph">{t('agreements.settings.saved')}</p>}</div>
      {update.isError && !(update.error instanceof ApiError && update.error.status === 400) && (
        <Alert color="danger" heading={t('agreements.settings.failed')}>
          <p className="ds-paragraph">
            {update.error instanceof ApiError && update.error.status === 412
              ? t('agreements.detail.staleVersion')
              : update.error instanceof ApiError
                ? httpErrorText(t, update.error.status)
                : t('states.errorBody')}
          </p>
        </Alert>
      )}
    </form>
  );
}
