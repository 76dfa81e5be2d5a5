import { actorQueries, ApiError, useUpdateActor } from '@kompetansebro/api-client';
import { actorUpdateSchema, fieldErrorsFromIssues, type ActorDetail, type ActorUpdate, type FieldError } from '@kompetansebro/domain';
import { Alert, bindFields, Button, ChangesTable, ErrorSummary, fieldErrorText, httpErrorText, LoadingState, Page, QueryError, Section, TextField, useUnsavedChangesGuard } from '@kompetansebro/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CatchmentRequestSection } from './catchment-request-section';
import { ForStudyCentre } from './not-a-centre';
import './portal.css';

/** The study centre's own record (address and contact details) and its catchment-area requests. */
export function ProfilePage() {
  const { t } = useTranslation();
  return <ForStudyCentre title={t('portal.profile.title')}>{(centreId) => <Profile centreId={centreId} />}</ForStudyCentre>;
}

function Profile({ centreId }: { centreId: string }) {
  const { t } = useTranslation();
  // The form keeps the version it started from; a refetch behind it must not replace what the user types.
  const actor = useQuery({ ...actorQueries.detail(centreId), refetchOnWindowFocus: false });
  return (
    <Page title={t('portal.profile.title')}>
      <p className="ds-paragraph">{t('portal.profile.intro')}</p>
      <Section id="portal-profile-contact" title={t('portal.profile.contactTitle')} className="kb-stack">
        {actor.isPending ? (
          <LoadingState />
        ) : actor.isError ? (
          <QueryError error={actor.error} onRetry={() => void actor.refetch()} headingLevel={3} />
        ) : (
          <ContactForm key={actor.data.id} actor={actor.data} />
        )}
      </Section>
      <CatchmentRequestSection centreId={centreId} />
    </Page>
  );
}

const fields = ['address', 'email', 'phone', 'website'] as const;
type Field = (typeof fields)[number];
type Values = Record<Field, string>;

const valuesOf = (actor: ActorDetail): Values => ({
  address: actor.address ?? '',
  email: actor.email ?? '',
  phone: actor.phone ?? '',
  website: actor.website ?? '',
});

/** The fields that differ from the stored values, as the API takes them (empty → null). */
function changesOf(values: Values, base: Values): ActorUpdate {
  const changes: Record<string, string | null> = {};
  for (const field of fields) {
    if (values[field].trim() !== base[field].trim()) changes[field] = values[field].trim() === '' ? null : values[field].trim();
  }
  return changes as ActorUpdate;
}

const fieldId = (field: Field) => `portal-profile-${field}`;

function ContactForm({ actor }: { actor: ActorDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useUpdateActor(actor.id);
  const [base, setBase] = useState(actor);
  const [values, setValues] = useState<Values>(valuesOf(actor));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [message, setMessage] = useState<{ kind: 'saved' | 'nothing' } | { kind: 'failed'; text: string } | null>(null);
  const [conflict, setConflict] = useState<Array<{ field: Field; theirs: string; yours: string }> | null>(null);
  const baseValues = valuesOf(base);
  const unsaved = Object.keys(changesOf(values, baseValues)).length > 0;
  const guard = useUnsavedChangesGuard(unsaved);

  // The others (a phone, an address) by the shared texts, which say the schema's limit.
  const messageFor = (field: Field, error: FieldError): string =>
    field === 'email'
      ? t('portal.profile.invalidEmail')
      : field === 'website'
        ? t('portal.profile.invalidWebsite')
        : fieldErrorText(t, error, values[field]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    const changes = changesOf(values, baseValues);
    const parsed = actorUpdateSchema.safeParse(changes);
    const found: Partial<Record<Field, string>> = {};
    if (!parsed.success) {
      for (const error of fieldErrorsFromIssues(parsed.error.issues)) {
        const field = error.path.split('.')[0] ?? '';
        if ((fields as readonly string[]).includes(field)) found[field as Field] ??= messageFor(field as Field, error);
      }
    }
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    if (Object.keys(changes).length === 0) {
      setMessage({ kind: 'nothing' });
      return;
    }
    try {
      const saved = await update.mutateAsync({ changes, version: base.version });
      guard.allowNavigation();
      setBase(saved);
      setValues(valuesOf(saved));
      setConflict(null);
      setMessage({ kind: 'saved' });
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        // Someone saved first: their version becomes the base; every field the user changed stays as typed.
        try {
          const latest = await queryClient.fetchQuery({ ...actorQueries.detail(actor.id), staleTime: 0 });
          const theirs = valuesOf(latest);
          const changedByUser = new Set(Object.keys(changes));
          const merged = { ...values };
          for (const field of fields) if (!changedByUser.has(field)) merged[field] = theirs[field];
          setConflict(fields.filter((field) => theirs[field] !== baseValues[field]).map((field) => ({ field, theirs: theirs[field] || '–', yours: merged[field] || '–' })));
          setBase(latest);
          setValues(merged);
        } catch {
          setMessage({ kind: 'failed', text: t('states.errorBody') });
        }
        return;
      }
      if (error instanceof ApiError && error.status === 400) {
        const fromServer: Partial<Record<Field, string>> = {};
        for (const [path, fieldError] of Object.entries(error.fieldErrors)) {
          if ((fields as readonly string[]).includes(path)) fromServer[path as Field] = messageFor(path as Field, fieldError);
        }
        if (Object.keys(fromServer).length > 0) {
          setErrors(fromServer);
          setAttempt((n) => n + 1);
          return;
        }
      }
      setMessage({ kind: 'failed', text: error instanceof ApiError ? httpErrorText(t, error.status) : t('states.errorBody') });
    }
  };

  const field = bindFields({
    values,
    set: (name, value) => setValues((current) => ({ ...current, [name]: value })),
    idOf: fieldId,
    labelOf: (name) => t(`actorField.${name}.label`),
    // These are the actor's own fields: named and helped as in the register's form.
    helpOf: (name) => t(`actorField.${name}.help`),
    errorAt: (name) => errors[name],
  });

  const summary = fields.filter((field) => errors[field]).map((field) => ({ fieldId: fieldId(field), message: errors[field] ?? '' }));

  return (
    <form className="kb-stack kb-portal-form" noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary errors={summary} focusKey={attempt} />
      {conflict && (
        <Alert color="warning" role="alert" heading={t('portal.profile.conflictTitle')} headingLevel={3} focusKey={conflict}>
          <p className="ds-paragraph">{t('portal.profile.conflictBody')}</p>
          {conflict.length > 0 && (
            <ChangesTable
              columns={[t('portal.profile.conflictField'), t('portal.profile.conflictTheirs'), t('portal.profile.conflictYours')]}
              rows={conflict.map((change) => ({ key: change.field, label: t(`actorField.${change.field}.label`), first: change.theirs, second: change.yours }))}
            />
          )}
        </Alert>
      )}
      <TextField {...field('address')} autoComplete="street-address" />
      <TextField {...field('email')} type="email" autoComplete="email" />
      <TextField {...field('phone')} type="tel" autoComplete="tel" />
      <TextField {...field('website')} type="url" autoComplete="url" />
      <div className="kb-cluster">
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? t('portal.profile.saving') : t('portal.profile.save')}
        </Button>
      </div>
      <div role="status">
        {message?.kind === 'saved' && <Alert color="success">{t('portal.profile.saved')}</Alert>}
        {message?.kind === 'nothing' && <p className="ds-paragraph">{t('portal.profile.nothingChanged')}</p>}
      </div>
      {message?.kind === 'failed' && (
        <Alert color="danger" role="alert">
          {message.text}
        </Alert>
      )}
    </form>
  );
}
