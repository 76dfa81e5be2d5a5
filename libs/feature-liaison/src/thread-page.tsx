import { actorQueries, liaisonQueries, meQueries, regionQueries, useCreateNote, useUpdateNote, type ApiError } from '@kompetansebro/api-client';
import { MAX_PAGE_SIZE, type LiaisonNote } from '@kompetansebro/domain';
import { formatDateTime } from '@kompetansebro/i18n';
import { Alert, Button, ErrorSummary, httpErrorText, LoadingState, Page, QueryError, Section, StatusTag, TextArea, useFocusAfterRender } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiaisonPaths } from './liaison-feature-context';


/** Whether the body field has an error to show: left empty, or refused by the API. */
function bodyInvalid(error: ApiError | null, empty: boolean): boolean {
  return empty || (error?.status === 400 && error.fieldErrors['body'] !== undefined);
}

function NoteItem({ note }: { note: LiaisonNote }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note.body);
  const [stale, setStale] = useState(false);
  const [saved, setSaved] = useState(false);
  const update = useUpdateNote(note.id);
  // The form goes with its buttons: the focus returns to "Rediger", which opened it.
  const focusAfterRender = useFocusAfterRender();
  const editId = `liaison-note-edit-${note.id}`;
  const close = () => {
    setEditing(false);
    focusAfterRender(editId);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (text.trim() === '') return;
    update.mutate(
      { body: text, version: note.version },
      {
        onSuccess: () => {
          close();
          setStale(false);
          setSaved(true);
        },
        // Keep the text typed; the list reloads with the saved version shown above.
        onError: (error) => setStale(error.status === 412),
      },
    );
  };

  return (
    <li className="kb-stack" style={{ borderBlockEnd: '1px solid var(--ds-color-neutral-border-subtle)', paddingBlockEnd: 'var(--ds-size-4)' }}>
      <p className="ds-paragraph" data-size="sm">
        <strong>{note.authorName ?? t('liaison.thread.unknownAuthor')}</strong>
        {note.authorOrganisationName && `, ${note.authorOrganisationName}`}
        {' – '}
        <time dateTime={note.createdAt}>{formatDateTime(note.createdAt)}</time>{' '}
        {note.history.length > 0 && <StatusTag color="info">{t('liaison.thread.edited')}</StatusTag>}
      </p>
      <p className="ds-paragraph" style={{ whiteSpace: 'pre-wrap' }}>
        {note.body}
      </p>
      {note.history.length > 0 && (
        <details>
          <summary>{t('liaison.thread.history', { count: note.history.length })}</summary>
          <ol>
            {note.history.map((edit) => (
              <li key={edit.version}>
                <p className="ds-paragraph" data-size="sm">
                  {t('liaison.thread.historyItem', { version: edit.version, date: formatDateTime(edit.editedAt) })}
                </p>
                <p className="ds-paragraph" style={{ whiteSpace: 'pre-wrap' }}>
                  {edit.body}
                </p>
              </li>
            ))}
          </ol>
        </details>
      )}
      {note.mine && !editing && (
        <div>
          <Button
            id={editId}
            variant="tertiary"
            onClick={() => {
              // From the version shown now (the note stays mounted across its versions, keeping the focus and the saved message).
              setText(note.body);
              setEditing(true);
            }}
          >
            {t('liaison.thread.edit')}
          </Button>
        </div>
      )}
      {editing && (
        <form className="kb-form" onSubmit={submit} noValidate>
          {stale && (
            <Alert color="warning" role="alert">
              {t('liaison.thread.staleEdit')}
            </Alert>
          )}
          <TextArea
            label={t('liaison.thread.editLabel')}
            value={text}
            error={bodyInvalid(update.error, false) ? t('liaison.thread.bodyRequired') : undefined}
            onChange={(event) => setText(event.target.value)}
          />
          <div className="kb-cluster">
            <Button type="submit" loading={update.isPending} disabled={text.trim() === ''}>
              {t('liaison.thread.saveEdit')}
            </Button>
            <Button
              variant="tertiary"
              onClick={() => {
                close();
                setText(note.body);
                setStale(false);
              }}
            >
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      )}
      <p role="status">{saved ? t('liaison.thread.editSaved') : ''}</p>
    </li>
  );
}

/** One cooperation channel: its notes (edits kept) and a form to write the next. */
export function ThreadPage() {
  const { t } = useTranslation();
  const paths = useLiaisonPaths();
  const { kind, id } = useParams({ strict: false }) as { kind: string; id: string };
  const isRegion = kind === 'region';
  const actor = useQuery({ ...actorQueries.detail(id), enabled: !isRegion });
  const regions = useQuery({ ...regionQueries.list(), enabled: isRegion });
  const notes = useQuery(liaisonQueries.notes(isRegion ? { region: id, pageSize: MAX_PAGE_SIZE } : { actor: id, pageSize: MAX_PAGE_SIZE }));
  const create = useCreateNote();
  const me = useQuery(meQueries.current());
  const ownOrganisation = me.data?.memberships.find((m) => m.organisationId === me.data?.activeOrganisationId)?.organisationName;
  const [body, setBody] = useState('');
  const [submitted, setSubmitted] = useState(0);
  const [sent, setSent] = useState(false);

  const targetName = isRegion ? regions.data?.items.find((r) => r.id === id)?.name : actor.data?.name;
  const targetError = isRegion ? regions.isSuccess && !targetName : actor.isError;
  const title = targetName
    ? isRegion
      ? t('liaison.thread.titleRegion', { name: targetName })
      : t('liaison.thread.titleLibrary', { name: targetName })
    : t('liaison.channels.title');

  const empty = submitted > 0 && body.trim() === '';
  const fieldError = bodyInvalid(create.error, empty) ? t('liaison.thread.bodyRequired') : undefined;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted((n) => n + 1);
    setSent(false);
    if (body.trim() === '') return;
    create.mutate(
      { target: isRegion ? { regionId: id } : { actorId: id }, body },
      {
        onSuccess: () => {
          setBody('');
          setSubmitted(0);
          setSent(true);
        },
      },
    );
  };

  const ordered = [...(notes.data?.items ?? [])].reverse();

  return (
    <Page title={title}>
      <p>
        <Link className="ds-link" to={paths.channels}>
          {t('liaison.thread.back')}
        </Link>
      </p>
      {targetError ? (
        <Alert color="warning">{t('errors.notFound')}</Alert>
      ) : (
        <>
          {targetName && (ordered[0] || ownOrganisation) && (
            <p className="ds-paragraph">
              {t('liaison.thread.parties', {
                university: ordered[0]?.universityName ?? ownOrganisation ?? '',
                target: isRegion ? t('liaison.thread.countyParty') : targetName,
              })}{' '}
              {t('liaison.notesVisibility')}
            </p>
          )}
          <Section id="thread-notes" title={t('liaison.thread.notesTitle')}>
            {notes.isError ? (
              <QueryError error={notes.error} onRetry={() => void notes.refetch()} />
            ) : notes.isPending ? (
              <LoadingState />
            ) : ordered.length === 0 ? (
              <p className="ds-paragraph">{t('liaison.thread.noNotes')}</p>
            ) : (
              <ol style={{ listStyle: 'none', padding: 0 }} className="kb-stack">
                {ordered.map((note) => (
                  <NoteItem key={note.id} note={note} />
                ))}
              </ol>
            )}
          </Section>

          <Section id="thread-write" title={t('liaison.thread.writeTitle')}>
            <form className="kb-form" onSubmit={submit} noValidate>
              <ErrorSummary
                errors={fieldError ? [{ fieldId: 'note-body', message: fieldError }] : []}
                heading={t('liaison.thread.errorSummary')}
                focusKey={submitted}
              />
              {create.isError && create.error.status !== 400 && (
                <Alert color="danger" role="alert">
                  {httpErrorText(t, create.error.status)}
                </Alert>
              )}
              <TextArea
                id="note-body"
                label={t('liaison.thread.bodyLabel')}
                description={t('liaison.thread.bodyHelp')}
                value={body}
                maxLength={4000}
                error={fieldError}
                onChange={(event) => setBody(event.target.value)}
              />
              <div className="kb-cluster">
                <Button type="submit" loading={create.isPending}>
                  {t('liaison.thread.send')}
                </Button>
              </div>
              <p role="status">{sent ? t('liaison.thread.sent') : ''}</p>
            </form>
          </Section>
        </>
      )}
    </Page>
  );
}
