import { trySave, useCan, useInviteUser } from '@kompetansebro/api-client';
import {
  bindFields,
  CancelLink,
  errorMessages,
  FailureAlert,
  fieldErrorText,
  ForbiddenPage,
  Page,
  RecordForm,
  Select,
  TextField,
  useFormState,
  useFormSubmit,
  useUnsavedChangesGuard,
  type ShownFieldError,
} from '@kompetansebro/ui';
import { pickerField, SearchablePicker, usePickerSearch } from '@kompetansebro/ui/searchable-picker';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { emptyInviteValues, inviteFieldId, inviteFormState, isInviteField, validateInvite, type InviteField, type InviteFormValues } from './invite-form-values';
import { organisationPickerOptions, roleSelectOptions, rolesFor, useOrganisationOptions } from './organisation-options';
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
  // Thousands of organisations at national scale: the server finds them as the user types.
  const organisationSearch = usePickerSearch();
  const organisations = useOrganisationOptions(organisationSearch.q);
  const form = useFormState<InviteFormValues>(emptyInviteValues, inviteFormState);
  const { values, setValues, setField, errors } = form;
  const save = useFormSubmit({ showErrors: form.showErrors });
  const guard = useUnsavedChangesGuard(form.hasUnsavedChanges);

  const organisationKind = organisations.kindOf(values.organisationId);
  const mayInvite = useCan('user', 'create');

  const messageOf = (error: ShownFieldError) => {
    if (isInviteField(error.path) && error.value.trim() === '') return selects.has(error.path) ? t('validation.invalid_value') : t('validation.required');
    return fieldErrorText(t, error, error.value);
  };
  const { messageAt: fieldError, summary } = errorMessages(errors, {
    messageOf,
    fieldIdOf: (path) => inviteFieldId(isInviteField(path) ? path : 'email'),
    labelOf: (path) => (isInviteField(path) ? t(`users.field.${path === 'organisationId' ? 'organisation' : path}.label`) : undefined),
  });

  const field = bindFields({
    values,
    set: setField,
    idOf: inviteFieldId,
    labelOf: (name) => t(`users.field.${name === 'organisationId' ? 'organisation' : name}.label`),
    helpOf: (name) => t(`users.field.${name === 'organisationId' ? 'organisation' : name}.help`),
    errorAt: fieldError,
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

  const submit = async () => {
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

  // Reached by its address, a role that may not invite (a county viewer) gets no form to fill in in vain.
  if (!mayInvite) return <ForbiddenPage title={t('users.invite.title')} />;

  const required = t('common.required');
  return (
    <Page title={t('users.invite.title')}>
      <RecordForm
        summary={summary}
        submitCount={form.submitCount}
        notice={<FailureAlert title={t('users.invite.failed')} message={save.failure} />}
        intro={t('users.invite.intro')}
        submitLabel={t('users.invite.submit')}
        submitting={invite.isPending}
        onSubmit={() => void submit()}
        cancel={<CancelLink to={paths.list} />}
      >
        <TextField {...field('email')} requiredLabel={required} type="email" autoComplete="off" spellCheck={false} />
        <TextField {...field('name')} requiredLabel={required} autoComplete="off" />
        <SearchablePicker
          {...pickerField(field('organisationId'))}
          error={fieldError('organisationId') ?? (organisations.isError ? t('states.errorBody') : undefined)}
          requiredLabel={required}
          search={organisationSearch}
          matches={organisations.matches}
          loading={organisations.isFetching}
          options={organisationPickerOptions(t, organisations.options)}
          onChange={setOrganisation}
        />
        <Select
          {...field('role')}
          requiredLabel={required}
          emptyOption={organisationKind ? t('common.chooseOne') : t('users.field.role.chooseOrganisationFirst')}
          options={roleSelectOptions(t, organisationKind)}
        />
      </RecordForm>
      {guard.dialog}
    </Page>
  );
}
