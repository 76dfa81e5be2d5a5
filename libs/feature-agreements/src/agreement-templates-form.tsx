import { agreementTemplateQueries, ApiError, useSaveAgreementTemplate } from '@kompetansebro/api-client';
import { agreementKinds, templateFields, type AgreementKind, type AgreementTemplate } from '@kompetansebro/domain';
import { Alert, Button, httpErrorText, QueryError, Section, Skeleton, TextArea, TextField } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The county's agreement templates, one per kind: a title and clauses in plain text with fields
 * ({{parties}}, {{period}}, …) each agreement's document fills in. Shown to the county admin on the
 * agreement list (useCan); the API refuses others.
 */
export function AgreementTemplatesForm() {
  const { t } = useTranslation();
  const templates = useQuery(agreementTemplateQueries.list());
  if (templates.isPending) return <Skeleton />;
  if (templates.isError) return <QueryError error={templates.error} onRetry={() => void templates.refetch()} />;
  return (
    <Section id="agreement-templates" title={t('agreements.templates.title')} intro={t('agreements.templates.intro', { fields: templateFields.map((f) => `{{${f}}}`).join(', ') })} className="kb-stack">
      {agreementKinds.map((kind) => {
        const template = templates.data.find((item) => item.kind === kind) ?? null;
        return <TemplateForm key={`${kind}-${template?.version ?? 0}`} kind={kind} template={template} onStale={() => void templates.refetch()} />;
      })}
    </Section>
  );
}

function TemplateForm({ kind, template, onStale }: { kind: AgreementKind; template: AgreementTemplate | null; onStale: () => void }) {
  const { t } = useTranslation();
  const save = useSaveAgreementTemplate();
  const [title, setTitle] = useState(template?.title ?? '');
  const [clauses, setClauses] = useState(template?.clauses ?? '');
  const [saved, setSaved] = useState(false);
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const headingId = `agreement-template-${kind}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate(
      { kind, title, clauses, existing: template && { id: template.id, version: template.version } },
      {
        onSuccess: () => setSaved(true),
        onError: (error) => {
          if (error instanceof ApiError && error.status === 412) onStale();
        },
      },
    );
  };

  return (
    <form className="kb-stack" noValidate onSubmit={submit} aria-labelledby={headingId}>
      <h3 className="ds-heading" data-size="xs" id={headingId}>
        {t(`agreementKind.${kind}`)}
      </h3>
      <TextField
        label={t('agreements.templates.titleLabel')}
        value={title}
        error={fieldErrors['title'] ? t('agreements.templates.titleInvalid') : undefined}
        onChange={(event) => setTitle(event.target.value)}
      />
      <TextArea
        label={t('agreements.templates.clausesLabel')}
        description={t('agreements.templates.clausesHelp', { example: '{{parties}}' })}
        value={clauses}
        rows={8}
        error={fieldErrors['clauses'] ? t('agreements.templates.clausesInvalid', { fields: templateFields.map((f) => `{{${f}}}`).join(', ') }) : undefined}
        onChange={(event) => setClauses(event.target.value)}
      />
      <p>
        <Button type="submit" variant="secondary" loading={save.isPending} disabled={save.isPending}>
          {t('agreements.templates.save', { kind: t(`agreementKind.${kind}`) })}
        </Button>
      </p>
      <div role="status">{saved && <p className="ds-paragraph">{t('agreements.templates.saved')}</p>}</div>
      {save.isError && !(save.error instanceof ApiError && save.error.status === 400) && (
        <Alert color="danger" heading={t('agreements.templates.failed')}>
          <p className="ds-paragraph">
            {save.error instanceof ApiError && save.error.status === 412
              ? t('agreements.detail.staleVersion')
              : save.error instanceof ApiError
                ? httpErrorText(t, save.error.status)
                : t('states.errorBody')}
          </p>
        </Alert>
      )}
    </form>
  );
}
