import { liaisonQueries, useCreateNote, useMarkNotesRead } from '@kompetansebro/api-client';
import type { NoteThread } from '@kompetansebro/domain';
import { formatDate, useLanguage } from '@kompetansebro/i18n';
import { Alert, Button, EmptyState, httpErrorText, LoadingState, Page, QueryError, TextArea } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './library.css';

/**
 * "Samarbeid": the library's channels with the university libraries (notes addressed to the
 * library or a branch, which the API lets the library read), newest first, each with an answer
 * form that names the university library the channel is with.
 */
export function CooperationPage() {
  const { t } = useTranslation();
  const threads = useQuery(liaisonQueries.threads());
  return (
    <Page title={t('library.cooperation.title')}>
      <p className="ds-paragraph">{t('library.cooperation.intro')}</p>
      {threads.isPending ? (
        <LoadingState />
      ) : threads.isError ? (
        <QueryError error={threads.error} onRetry={() => void threads.refetch()} headingLevel={2} />
      ) : threads.data.items.length === 0 ? (
        <EmptyState title={t('library.cooperation.none')} />
      ) : (
        [...threads.data.items]
          .filter((thread) => thread.targetActorId !== null)
          .sort((a, b) => b.lastNoteAt.localeCompare(a.lastNoteAt))
          .map((thread) => <Channel key={`${thread.universityId}:${thread.targetActorId}`} thread={thread} />)
      )}
    </Page>
  );
}

function Channel({ thread }: { thread: NoteThread }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const targetActorId = thread.targetActorId ?? '';
  const notes = useQuery(liaisonQueries.notes({ university: thread.universityId, actor: targetActorId, pageSize: 100 }));
  const create = useCreateNote();
  const markRead = useMarkNotesRead();
  const [body, setBody] = useState('');
  const [tried, setTried] = useState(false);
  const [sent, setSent] = useState(false);
  const headingId = `channel-${thread.universityId}-${targetActorId}`;
  const fieldId = `answer-${thread.universityId}-${targetActorId}`;
  const empty = tried && body.trim() === '';
  const error = empty || (create.error?.status === 400) ? t('liaison.thread.bodyRequired') : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setSent(false);
    if (body.trim() === '') return;
    create.mutate(
      { target: { actorId: targetActorId }, universityId: thread.universityId, body },
      {
        onSuccess: () => {
          setBody('');
          setTried(false);
          setSent(true);
        },
      },
    );
  };

  // Shown here means opened: the notes are no longer unread for the library.
  const shownIds = (notes.data?.items ?? []).filter((note) => !note.mine).map((note) => note.id).join(',');
  const { mutate: markShownRead } = markRead;
  useEffect(() => {
    if (shownIds !== '') markShownRead(shownIds.split(','));
  }, [shownIds, markShownRead]);

  const ordered = [...(notes.data?.items ?? [])].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return (
    <section aria-labelledby={headingId} className="kb-stack kb-library-channel">
      <h2 className="ds-heading" data-size="sm" id={headingId}>
        {t('library.cooperation.channel', { university: thread.universityName, library: thread.targetName })}
      </h2>
      {notes.isPending ? (
        <LoadingState />
      ) : notes.isError ? (
        <QueryError error={notes.error} onRetry={() => void notes.refetch()} headingLevel={3} />
      ) : (
        <ol className="kb-stack kb-library-notes">
          {ordered.map((note) => (
            <li key={note.id} className="kb-library-note">
              <p className="ds-paragraph kb-library-muted" data-size="sm">
                {t('liaison.thread.byline', { author: note.authorName ?? t('liaison.thread.unknownAuthor'), organisation: note.authorOrganisationName ?? '' })},{' '}
                {formatDate(note.createdAt, language)}
              </p>
              <p className="ds-paragraph kb-library-note-body">{note.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form className="kb-stack" onSubmit={submit} noValidate>
        {create.isError && create.error.status !== 400 && (
          <Alert color="danger" role="alert">
            {httpErrorText(t, create.error.status)}
          </Alert>
        )}
        <TextArea
          id={fieldId}
          label={t('library.cooperation.answerLabel', { university: thread.universityName })}
          description={t('liaison.thread.bodyHelp')}
          value={body}
          maxLength={4000}
          error={error}
          onChange={(event) => setBody(event.target.value)}
        />
        <div className="kb-cluster">
          <Button type="submit" loading={create.isPending}>
            {t('library.cooperation.send')}
          </Button>
          <p role="status" className="ds-paragraph">
            {sent ? t('liaison.thread.sent') : ''}
          </p>
        </div>
      </form>
    </section>
  );
}
