import { ApiError, useInviteUser } from '@kompetansebro/api-client';
import type { FieldError } from '@kompetansebro/domain';
import { Alert, Button, buttonLinkProps, ErrorSummary, fieldErrorText, httpErrorText, Page, Select, TextField, type ErrorSummaryItem, useUnsavedChangesGuard } from '@kompetansebro/ui';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  emptyInviteValues,
  inviteFieldId,
  isInviteField,
  validateInvite,
  type InviteField,
  type InviteFormValues,
} from './invite-form-values';
import { organisationSelectOptions, roleSelectOptions, rolesFor, useOrganisationOptions } from './organisation-options';
import { useUserFeature } from './user-feature-context';

/** An error to show, with what the field held when it was found. */
interface ShownError extends FieldError {
  value: string;
}

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
  const [values, setValues] = useState<InviteFormValues>(emptyInviteValues);
  const [errors, setErrors] = useState<ShownError[]>([]);
  const [submitCount, setSubmitCount] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const guard = useUnsavedChangesGuard(Object.values(values).some((value) => value.trim() !== ''));

  const organisationKind = organisations.kindOf(values.organisationId);

  const showErrors = (found: readonly FieldError[]) => {
    setErrors(found.map((error) => ({ ...error, value: isInviteField(error.path) ? values[error.path] : '' })));
    if (found.length > 0) setSubmitCount((count) => count + 1);
  };

  const messageOf = (error: ShownError) => {
    if (isInviteField(error.path) && error.value.trim() === '') return selects.has(error.path) ? t('validation.invalid_value') : t('validation.required');
    return fieldErrorText(t, error, error.value);
  };
  const fieldError = (field: InviteField) => {
    const error = errors.find((candidate) => candidate.path === field);
    return error ? messageOf(error) : undefined;
  };
  const labelOf = (field: InviteField) => t(`users.field.${field === 'organisationId' ? 'organisation' : field}.label`);
  const summary: ErrorSummaryItem[] = errors.map((error) => ({
    fieldId: inviteFieldId(isInviteField(error.path) ? error.path : 'email'),
    message: isInviteField(error.path) ? `${labelOf(error.path)}: ${messageOf(error)}` : messageOf(error),
  }));

  const setField = (field: InviteField, value: string) => setValues((current) => ({ ...current, [field]: value }));
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
    setFailure(null);
    const { errors: found, input } = validateInvite(values, organisationKind);
    showErrors(found);
    if (!input) return;
    try {
      const user = await invite.mutateAsync(input);
      guard.allowNavigation();
      setNotice({ kind: 'invited', email: user.email });
      await navigate({ to: paths.detail, params: { id: user.id } });
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && (error.problem.errors ?? []).length > 0) showErrors(error.problem.errors ?? []);
      else setFailure(error instanceof ApiError ? httpErrorText(t, error.status) : t('errors.unknown'));
    }
  };

  const required = t('common.required');
  return (
    <Page title={t('users.invite.title')}>
      <form className="kb-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={invite.isPending || undefined}>
        <ErrorSummary errors={summary} focusKey={submitCount} />
        {failure && (
          <Alert color="danger" role="alert" heading={t('users.invite.failed')}>
            {failure}
          </Alert>
        )}
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
          <Link to={paths.list} {...buttonLinkProps('tertiary')}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
      {guard.dialog}
    </Page>
  );
}
