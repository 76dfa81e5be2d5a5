import { trySave, useInviteUser } from '@kompetansebro/api-client';
import {
  Button,
  CancelLink,
  errorMessages,
  ErrorSummary,
  FailureAlert,
  fieldErrorText,
  Page,
  Select,
  TextField,
  useFormState,
  useFormSubmit,
  useUnsavedChangesGuard,
  type ShownFieldError,
} from '@kompetansebro/ui';
import { useNavigate } from '@tanstack/react-router';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { emptyInviteValues, inviteFieldId, inviteFormState, isInviteField, validateInvite, type InviteField, type InviteFormValues } from './invite-form-values';
import { organisationSelectOptions, roleSelectOptions, rolesFor, useOrganisationOptions } from './organisation-options';
import { useUserFeature } from './user-feature-context';

const selects = new Set<InviteField>(['organisationId', 'role']);

/**
 * "Inviter bruker": e-mail, name, organisation and a role that fits it. The API creates the
 * account and e-mails a link for the person to make their password.
 */
export function UserInvitePage() {
  const { t } = useTranslation();
  const { paths, setNotice } = useUserFeature();
  const navigate = useNavigate();
  const invite = useInviteUser();
  const organisations = useOrganisationOptions();
  const form = useFormState<InviteFormValues>(emptyInviteValues, inviteFormState);
  const { values, setValues, setField, errors } = form;
  const save = useFormSubmit({ showErrors: form.showErrors });
  const guard = useUnsavedChangesGuard(form.hasUnsavedChanges);

  const organisationKind = organisations.kindOf(values.organisationId);

  const messageOf = (error: ShownFieldError) => {
    if (isInviteField(error.path) && error.value.trim() === '') return selects.has(error.path) ? t('validation.invalid_value') : t('validation.required');
    return fieldErrorText(t, error, error.value);
  };
  const { messageAt: fieldError, summary } = errorMessages(errors, {
    messageOf,
    fieldIdOf: (path) => inviteFieldId(isInviteField(path) ? path : 'email'),
    labelOf: (path) => (isInviteField(path) ? t(`users.field.${path === 'organisationId' ? 'organisation' : path}.label`) : undefined),
  });

  const setOrganisation = (organisationId: string) => {
    const fitting: string[] = rolesFor(organisations.kindOf(organisationId));
    setValues((current) => ({
      ...current,
      organisationId,
      // Keep a role that still fits; choose the only one that does.
      role: fitting.includes(current.role) ? current.role : fitting.length === 1 ? (fitting[0] ?? '') : '',
    }));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.start();
    const { errors: found, input } = validateInvite(values, organisationKind);
    form.showErrors(found);
    if (!input) return;
    const result = await trySave(invite.mutateAsync(input));
    if (!save.settle(result)) return;
    guard.allowNavigation();
    setNotice({ kind: 'invited', email: result.data.email });
    await navigate({ to: paths.detail, params: { id: result.data.id } });
  };

  const required = t('common.required');
  return (
    <Page title={t('users.invite.title')}>
      <form className="kb-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={invite.isPending || undefined}>
        <ErrorSummary errors={summary} focusKey={form.submitCount} />
        <FailureAlert title={t('users.invite.failed')} message={save.failure} />
        <p className="ds-paragraph">{t('users.invite.intro')}</p>
        <TextField
          id={inviteFieldId('email')}
          name="email"
          type="email"
          autoComplete="off"
          spellCheck={false}
          label={t('users.field.email.label')}
          description={t('users.field.email.help')}
          requiredLabel={required}
          error={fieldError('email')}
          value={values.email}
          onChange={(event) => setField('email', event.target.value)}
        />
        <TextField
          id={inviteFieldId('name')}
          name="name"
          autoComplete="off"
          label={t('users.field.name.label')}
          description={t('users.field.name.help')}
          requiredLabel={required}
          error={fieldError('name')}
          value={values.name}
          onChange={(event) => setField('name', event.target.value)}
        />
        <Select
          id={inviteFieldId('organisationId')}
          name="organisationId"
          label={t('users.field.organisation.label')}
          description={t('users.field.organisation.help')}
          requiredLabel={required}
          error={fieldError('organisationId')}
          emptyOption={organisations.isPending ? t('common.loading') : t('common.chooseOne')}
          options={organisationSelectOptions(t, organisations.options)}
          value={values.organisationId}
          onChange={(event) => setOrganisation(event.target.value)}
        />
        <Select
          id={inviteFieldId('role')}
          name="role"
          label={t('users.field.role.label')}
          description={t('users.field.role.help')}
          requiredLabel={required}
          error={fieldError('role')}
          emptyOption={organisationKind ? t('common.chooseOne') : t('users.field.role.chooseOrganisationFirst')}
          options={roleSelectOptions(t, organisationKind)}
          value={values.role}
          onChange={(event) => setField('role', event.target.value)}
        />
        <div className="kb-cluster">
          <Button type="submit" loading={invite.isPending}>
            {t('users.invite.submit')}
          </Button>
          <CancelLink to={paths.list} />
        </div>
      </form>
      {guard.dialog}
    </Page>
  );
}
