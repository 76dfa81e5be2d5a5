import { contactQueries, saveFailureOf, useCreateContact, useDeleteContact, useUpdateContact } from '@kompetansebro/api-client';
import {
  contactCreateSchema,
  contactUpdateSchema,
  fieldErrorsFromIssues,
  MAX_PAGE_SIZE,
  type ActorDetail,
  type ContactSummary,
  type FieldError,
} from '@kompetansebro/domain';
import { Alert, Button, ConfirmDialog, ErrorSummary, FailureAlert, actionErrorText, fieldErrorText, httpErrorText, TextField, useUnsavedChangesGuard, type ErrorSummaryItem } from '@kompetansebro/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordsSection } from './records-section';
import { useCanChange } from './use-can-edit-actors';

const contactFields = ['name', 'role', 'email', 'phone'] as const;
type ContactField = (typeof contactFields)[number];
type ContactValues = Record<ContactField, string>;
type ContactNotice = 'saved' | 'removed';

const valuesOf = (contact: ContactSummary | null): ContactValues => ({
  name: contact?.name ?? '',
  role: contact?.role ?? '',
  email: contact?.email ?? '',
  phone: contact?.phone ?? '',
});

/** The actor's contact persons: personal data, so only what the API gives, and nothing kept in the browser longer than shown. */
export function ContactsSection({ actor }: { actor: ActorDetail }) {
  const { t } = useTranslation();
  const contacts = useQuery(contactQueries.list({ actor: actor.id, pageSize: MAX_PAGE_SIZE, sort: 'name' }));
  const canCreate = useCanChange('contact', 'create') && !actor.archivedAt;
  return (
    <RecordsSection<ContactSummary, ContactNotice>
      id="actor-contacts"
      title={t('actors.contacts.title')}
      intro={t('actors.contacts.intro')}
      result={contacts}
      loadFailed={t('actors.contacts.loadFailed')}
      empty={t('actors.contacts.empty')}
      noticeText={(notice) => t(`actors.contacts.${notice}`)}
      canCreate={canCreate}
      addLabel={t('actors.contacts.add')}
      addForm={(form) => <ContactForm actorId={actor.id} contact={null} {...form} />}
    >
      {(items, onNotice) => (
        <ul className="kb-stack" style={{ listStyle: 'none', padding: 0 }} aria-label={t('actors.contacts.caption', { name: actor.name })}>
          {items.map((contact) => (
            <li key={contact.id}>
              <ContactCard contact={contact} onNotice={onNotice} />
            </li>
          ))}
        </ul>
      )}
    </RecordsSection>
  );
}

function ContactCard({ contact, onNotice }: { contact: ContactSummary; onNotice: (notice: ContactNotice | null) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const canUpdate = useCanChange('contact', 'update');
  const canDelete = useCanChange('contact', 'delete');
  const remove = useDeleteContact(contact.id);
  const [editing, setEditing] = useState(false);
  const [confirmingRemove, setConfirmingRemove] = useState(false);

  if (editing) {
    return (
      <div className="ds-card" data-color="neutral">
        <ContactForm
          actorId={contact.actorId}
          contact={contact}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            onNotice('saved');
          }}
        />
      </div>
    );
  }

  return (
    <article className="ds-card" data-color="neutral" aria-labelledby={`contact-${contact.id}`}>
      <h3 className="ds-heading" data-size="xs" id={`contact-${contact.id}`}>
        {contact.name}
      </h3>
      <dl className="kb-facts">
        {contact.role && (
          <>
            <dt>{t('actors.contacts.columns.role')}</dt>
            <dd>{contact.role}</dd>
          </>
        )}
        {contact.email && (
          <>
            <dt>{t('actors.contacts.columns.email')}</dt>
            <dd>
              <a className="ds-link" href={`mailto:${contact.email}`}>
                {contact.email}
              </a>
            </dd>
          </>
        )}
        {contact.phone && (
          <>
            <dt>{t('actors.contacts.columns.phone')}</dt>
            <dd>
              <a className="ds-link" href={`tel:${contact.phone.replace(/\s+/g, '')}`}>
                {contact.phone}
              </a>
            </dd>
          </>
        )}
      </dl>
      <FailureAlert title={t('actors.contacts.removeFailed')} message={remove.isError ? actionErrorText(t, remove.error) : null} />
      {(canUpdate || canDelete) && (
        <div className="kb-cluster">
          {canUpdate && (
            <Button
              variant="secondary"
              aria-label={t('actors.contacts.editLabel', { name: contact.name })}
              onClick={() => {
                onNotice(null);
                setEditing(true);
              }}
            >
              {t('actors.contacts.edit')}
            </Button>
          )}
          {canDelete && (
            <Button variant="tertiary" color="danger" aria-label={t('actors.contacts.removeLabel', { name: contact.name })} onClick={() => setConfirmingRemove(true)}>
              {t('actors.contacts.remove')}
            </Button>
          )}
        </div>
      )}
      <ConfirmDialog
        open={confirmingRemove}
        title={t('actors.contacts.removeTitle', { name: contact.name })}
        confirmLabel={t('actors.contacts.removeConfirm')}
        cancelLabel={t('common.cancel')}
        busy={remove.isPending}
        onConfirm={() =>
          remove.mutate(
            { version: contact.version },
            {
              onSuccess: () => {
                setConfirmingRemove(false);
                onNotice('removed');
              },
              onError: (error) => {
                setConfirmingRemove(false);
                if (error.status === 412) void queryClient.invalidateQueries({ queryKey: contactQueries.lists() });
              },
            },
          )
        }
        onCancel={() => setConfirmingRemove(false)}
      >
        <p className="ds-paragraph">{t('actors.contacts.removeBody')}</p>
      </ConfirmDialog>
    </article>
  );
}

interface ShownError extends FieldError {
  value: string;
}

function ContactForm({
  actorId,
  contact,
  onCancel,
  onSaved,
}: {
  actorId: string;
  contact: ContactSummary | null;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const formId = useId().replace(/:/g, '');
  const queryClient = useQueryClient();
  const createContact = useCreateContact();
  const updateContact = useUpdateContact(contact?.id ?? '');
  const [values, setValues] = useState(valuesOf(contact));
  const [base, setBase] = useState({ values: valuesOf(contact), version: contact?.version ?? 0 });
  const [errors, setErrors] = useState<ShownError[]>([]);
  const [submitCount, setSubmitCount] = useState(0);
  const [stale, setStale] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const guard = useUnsavedChangesGuard(contactFields.some((field) => values[field].trim() !== base.values[field].trim()));
  const fieldId = (field: ContactField) => `${formId}-${field}`;
  const isField = (path: string): path is ContactField => (contactFields as readonly string[]).includes(path);

  const showErrors = (found: readonly FieldError[]) => {
    setErrors(found.map((error) => ({ ...error, value: isField(error.path) ? values[error.path] : '' })));
    if (found.length > 0) setSubmitCount((count) => count + 1);
  };

  /** Someone else saved first: keep the user's input, say what is stored now, and save over that version next time. */
  const takeLatest = async () => {
    const page = await queryClient.fetchQuery({ ...contactQueries.list({ actor: actorId, pageSize: MAX_PAGE_SIZE, sort: 'name' }), staleTime: 0 });
    const latest = page.items.find((candidate) => candidate.id === contact?.id);
    if (!latest) {
      setFailure(httpErrorText(t, 404));
      return;
    }
    const theirs = contactFields.map((field) => latest[field]).filter(Boolean).join(', ');
    const latestValues = valuesOf(latest);
    // Fields the user left alone take the other person's values; the user's own changes stay.
    setValues((current) => {
      const merged = { ...current };
      for (const field of contactFields) if (current[field].trim() === base.values[field].trim()) merged[field] = latestValues[field];
      return merged;
    });
    setStale(theirs);
    setBase({ values: latestValues, version: latest.version });
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    const trimmed = Object.fromEntries(contactFields.map((field) => [field, values[field].trim() === '' ? null : values[field].trim()]));
    const parsed = contact
      ? contactUpdateSchema.safeParse(Object.fromEntries(contactFields.filter((field) => values[field].trim() !== base.values[field].trim()).map((field) => [field, trimmed[field]])))
      : contactCreateSchema.safeParse({ actorId, ...trimmed, name: trimmed['name'] ?? '' });
    if (!parsed.success) {
      showErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    showErrors([]);
    try {
      if (contact) await updateContact.mutateAsync({ changes: parsed.data, version: base.version });
      else await createContact.mutateAsync(parsed.data as Parameters<typeof createContact.mutateAsync>[0]);
      guard.allowNavigation();
      onSaved();
    } catch (error) {
      const reason = saveFailureOf(error);
      if (reason.kind === 'fields') showErrors(reason.errors);
      else if (reason.kind === 'stale') await takeLatest().catch(() => setFailure(httpErrorText(t, 412)));
      else setFailure(httpErrorText(t, reason.status));
    }
  };

  const messageOf = (error: ShownError) => fieldErrorText(t, error, error.value);
  const fieldError = (field: ContactField) => {
    const error = errors.find((candidate) => candidate.path === field);
    return error ? messageOf(error) : undefined;
  };
  const summary: ErrorSummaryItem[] = errors.map((error) => ({
    fieldId: fieldId(isField(error.path) ? error.path : 'name'),
    message: isField(error.path) ? `${t(`actors.contacts.field.${error.path}.label`)}: ${messageOf(error)}` : messageOf(error),
  }));
  const text = (field: ContactField, extra: { type?: string; autoComplete?: string; inputMode?: 'tel' | 'email' } = {}) => (
    <TextField
      id={fieldId(field)}
      name={field}
      label={t(`actors.contacts.field.${field}.label`)}
      // A phone number is written as on the actor itself, so it shares that help.
      description={(field === 'phone' ? t('actorField.phone.help') : t(`actors.contacts.field.${field}.help`)) || undefined}
      error={fieldError(field)}
      requiredLabel={field === 'name' ? t('common.required') : undefined}
      value={values[field]}
      onChange={(event) => setValues((current) => ({ ...current, [field]: event.target.value }))}
      {...extra}
    />
  );

  return (
    <form className="kb-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby={`${formId}-title`}>
      <h3 className="ds-heading" data-size="2xs" id={`${formId}-title`}>
        {contact ? t('actors.contacts.editTitle', { name: contact.name }) : t('actors.contacts.addTitle')}
      </h3>
      <ErrorSummary errors={summary} focusKey={submitCount} />
      {stale !== null && (
        <Alert color="warning" role="alert">
          {t('actors.contacts.stale', { theirs: stale })}
        </Alert>
      )}
      {failure && (
        <Alert color="danger" role="alert" heading={t('actors.contacts.saveFailed')}>
          {failure}
        </Alert>
      )}
      {text('name', { autoComplete: 'off' })}
      {text('role', { autoComplete: 'off' })}
      {text('email', { type: 'email', inputMode: 'email', autoComplete: 'off' })}
      {text('phone', { type: 'tel', inputMode: 'tel', autoComplete: 'off' })}
      <div className="kb-cluster">
        <Button type="submit" loading={createContact.isPending || updateContact.isPending}>
          {contact ? t('actors.contacts.submitEdit') : t('actors.contacts.submitCreate')}
        </Button>
        <Button variant="tertiary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
      {guard.dialog}
    </form>
  );
}
