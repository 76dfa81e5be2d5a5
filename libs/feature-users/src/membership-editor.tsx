import { ApiError, userQueries, useUpdateMemberships } from '@kompetansebro/api-client';
import type { ActorKind, FieldError, User } from '@kompetansebro/domain';
import { Alert, Button, ErrorSummary, fieldErrorText, httpErrorText, Select, type ErrorSummaryItem, useUnsavedChangesGuard } from '@kompetansebro/ui';
import { SearchablePicker, usePickerSearch } from '@kompetansebro/ui/searchable-picker';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { locateError, rowsFromMemberships, sameMemberships, validateMemberships, type MembershipRow } from './membership-form-values';
import { organisationPickerOptions, roleSelectOptions, rolesFor, useOrganisationOptions, type OrganisationOption } from './organisation-options';

const ADD_BUTTON_ID = 'membership-add';
const controlId = (row: MembershipRow, field: 'organisationId' | 'role') => `membership-${row.key}-${field === 'organisationId' ? 'organisation' : 'role'}`;

interface Props {
  user: User;
  /** Saved: a short confirmation for the page to show. */
  onSaved: () => void;
}

/**
 * A user's access: one row per organisation with a role that fits its kind; add, remove,
 * save all at once (If-Match). When someone else saved first, their version is shown and the
 * rows the admin chose stay for another try.
 */
export function MembershipEditor({ user, onSaved }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useUpdateMemberships(user.id);
  const known = useMemo<OrganisationOption[]>(
    () => user.memberships.map((membership) => ({ id: membership.organisationId, name: membership.organisationName, kind: membership.organisationKind })),
    [user.memberships],
  );
  // The kinds of the organisations chosen in the rows (each row searches on its own), beside the known ones.
  const [chosenKinds, setChosenKinds] = useState<ReadonlyMap<string, ActorKind>>(() => new Map());
  const kindOf = (organisationId: string) => chosenKinds.get(organisationId) ?? known.find((organisation) => organisation.id === organisationId)?.kind;

  const [base, setBase] = useState(user);
  const [rows, setRows] = useState(() => rowsFromMemberships(user.memberships));
  const nextKey = useRef(rows.length + 1);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [submitCount, setSubmitCount] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [noChanges, setNoChanges] = useState(false);
  const [conflict, setConflict] = useState<User | null>(null);
  const unsaved = !sameMemberships(rows, rowsFromMemberships(base.memberships));

  // A newer version whose access is the same (disabled, say): save over it. One whose access
  // changed is left for the save to find (412), so nobody's change is overwritten unseen.
  useEffect(() => {
    if (user.version > base.version && sameMemberships(rowsFromMemberships(user.memberships), rowsFromMemberships(base.memberships))) setBase(user);
  }, [user, base]);
  const guard = useUnsavedChangesGuard(unsaved);

  // A row just added: its organisation select takes focus.
  const [focusRow, setFocusRow] = useState<number | null>(null);
  useEffect(() => {
    if (focusRow === null) return;
    document.getElementById(`membership-${focusRow}-organisation`)?.focus();
    setFocusRow(null);
  }, [focusRow]);

  const showErrors = (found: FieldError[]) => {
    setErrors(found);
    if (found.length > 0) setSubmitCount((count) => count + 1);
  };

  const rowLabel = (index: number) => t('users.memberships.legend', { number: index + 1 });
  const messageOf = (error: FieldError) => fieldErrorText(t, error);
  const errorFor = (index: number, field: 'organisationId' | 'role') => {
    const error = errors.find((candidate) => {
      const place = locateError(candidate.path);
      return place?.index === index && place.field === field;
    });
    return error ? messageOf(error) : undefined;
  };
  const summary: ErrorSummaryItem[] = errors.map((error) => {
    const place = locateError(error.path);
    const row = place ? rows[place.index] : undefined;
    if (!place || !row) return { fieldId: ADD_BUTTON_ID, message: messageOf(error) };
    const fieldLabel = place.field === 'organisationId' ? t('users.field.organisation.label') : t('users.field.role.label');
    return { fieldId: controlId(row, place.field), label: `${rowLabel(place.index)}, ${fieldLabel.toLocaleLowerCase()}`, message: messageOf(error) };
  });

  const changeRow = (key: number, changes: Partial<MembershipRow>) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...changes } : row)));
  const setOrganisation = (row: MembershipRow, organisationId: string, kind: ActorKind | undefined) => {
    if (kind && chosenKinds.get(organisationId) !== kind) setChosenKinds((current) => new Map(current).set(organisationId, kind));
    const fitting: string[] = rolesFor(kind ?? kindOf(organisationId));
    changeRow(row.key, { organisationId, role: fitting.includes(row.role) ? row.role : fitting.length === 1 ? (fitting[0] ?? '') : '' });
  };
  const addRow = () => {
    const key = nextKey.current++;
    setRows((current) => [...current, { key, organisationId: '', role: '' }]);
    setFocusRow(key);
  };
  const removeRow = (key: number) => {
    setRows((current) => current.filter((row) => row.key !== key));
    setErrors([]);
    document.getElementById(ADD_BUTTON_ID)?.focus();
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    setNoChanges(false);
    const { errors: found, input } = validateMemberships(rows, kindOf);
    showErrors(found);
    if (!input) return;
    if (!unsaved) {
      setNoChanges(true);
      return;
    }
    try {
      const saved = await update.mutateAsync({ memberships: input, version: base.version });
      setBase(saved);
      setRows(rowsFromMemberships(saved.memberships));
      setConflict(null);
      onSaved();
    } catch (error) {
      if (!(error instanceof ApiError)) {
        setFailure(t('errors.unknown'));
      } else if (error.status === 412) {
        // Someone else saved first: show their version, keep the rows, and save over it next time.
        try {
          const latest = await queryClient.fetchQuery({ ...userQueries.detail(user.id), staleTime: 0 });
          setBase(latest);
          setConflict(latest);
        } catch {
          setFailure(httpErrorText(t, 412));
        }
      } else if (error.status === 409) {
        setFailure(t('users.lastAdmin'));
      } else if (error.status === 400 && (error.problem.errors ?? []).length > 0) {
        showErrors(error.problem.errors ?? []);
      } else {
        setFailure(httpErrorText(t, error.status));
      }
    }
  };

  return (
    <form className="kb-form kb-form--wide" noValidate onSubmit={(event) => void submit(event)} aria-busy={update.isPending || undefined}>
      <ErrorSummary errors={summary} focusKey={submitCount} />
      {conflict && (
        <Alert color="warning" role="alert" heading={t('users.memberships.conflictTitle')} headingLevel={3} focusKey={conflict}>
          <p className="ds-paragraph">{t('users.memberships.conflictBody')}</p>
          <ul>
            {conflict.memberships.map((membership) => (
              <li key={membership.organisationId}>
                {t('users.membership', { organisation: membership.organisationName, role: t(`role.${membership.role}`) })}
              </li>
            ))}
          </ul>
          <p className="ds-paragraph">{t('users.memberships.conflictAfter')}</p>
        </Alert>
      )}
      {failure && (
        <Alert color="danger" role="alert" heading={t('users.memberships.failed')} headingLevel={3}>
          {failure}
        </Alert>
      )}
      {noChanges && (
        <Alert color="info" role="status">
          {t('users.memberships.noChanges')}
        </Alert>
      )}
      {rows.map((row, index) => (
        <MembershipRowFields
          key={row.key}
          row={row}
          legend={rowLabel(index)}
          number={index + 1}
          known={known}
          kind={kindOf(row.organisationId)}
          organisationError={errorFor(index, 'organisationId')}
          roleError={errorFor(index, 'role')}
          onOrganisation={(organisationId, kind) => setOrganisation(row, organisationId, kind)}
          onRole={(role) => changeRow(row.key, { role })}
          onRemove={() => removeRow(row.key)}
        />
      ))}
      <div className="kb-cluster">
        <Button id={ADD_BUTTON_ID} variant="secondary" onClick={addRow}>
          {t('users.memberships.add')}
        </Button>
        <Button type="submit" loading={update.isPending}>
          {t('users.memberships.save')}
        </Button>
      </div>
      {guard.dialog}
    </form>
  );
}

interface RowProps {
  row: MembershipRow;
  legend: string;
  /** The row's number (1 for the first), for the remove button's name. */
  number: number;
  /** The organisations the user belongs to already: named in the picker though a search may not find them. */
  known: readonly OrganisationOption[];
  /** The kind of the row's organisation, for the roles that fit it. */
  kind: ActorKind | undefined;
  organisationError: string | undefined;
  roleError: string | undefined;
  /** An organisation chosen ('' when cleared), with its kind as the row's search found it. */
  onOrganisation: (organisationId: string, kind: ActorKind | undefined) => void;
  onRole: (role: string) => void;
  onRemove: () => void;
}

/** One access: an organisation, found by the server as the admin types (its own search), and a role that fits it. */
function MembershipRowFields({ row, legend, number, known, kind, organisationError, roleError, onOrganisation, onRole, onRemove }: RowProps) {
  const { t } = useTranslation();
  const search = usePickerSearch();
  const organisations = useOrganisationOptions(search.q, known);
  const knownOptions = useMemo(() => organisationPickerOptions(t, known), [t, known]);
  return (
    <fieldset className="kb-membership-row">
      <legend>{legend}</legend>
      <div className="kb-membership-row__fields">
        <SearchablePicker
          id={controlId(row, 'organisationId')}
          label={t('users.field.organisation.label')}
          error={organisationError ?? (organisations.isError ? t('states.errorBody') : undefined)}
          search={search}
          matches={organisations.matches}
          loading={organisations.isFetching}
          known={knownOptions}
          options={organisationPickerOptions(t, organisations.options)}
          value={row.organisationId}
          onChange={(organisationId) => onOrganisation(organisationId, organisationId ? organisations.kindOf(organisationId) : undefined)}
        />
        <Select
          id={controlId(row, 'role')}
          label={t('users.field.role.label')}
          error={roleError}
          emptyOption={kind ? t('common.chooseOne') : t('users.field.role.chooseOrganisationFirst')}
          options={roleSelectOptions(t, kind)}
          value={row.role}
          onChange={(event) => onRole(event.target.value)}
        />
        <Button variant="tertiary" color="danger" aria-label={t('users.memberships.remove', { number })} onClick={onRemove}>
          {t('users.memberships.removeShort')}
        </Button>
      </div>
    </fieldset>
  );
}
