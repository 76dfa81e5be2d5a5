import { liaisonQueries, useCan, useCreateNote, useMarkNotesRead } from '@kompetansebro/api-client';
import type { NoteThread } from '@kompetansebro/domain';
import { formatDate, useLanguage } from '@kompetansebro/i18n';
import { Alert, Button, EmptyState, httpErrorText, LoadingState, Page, QueryError, TextArea } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './library.css';

/** What a channels screen says: the library's own, or the county's inbox. */
interface ChannelTexts {
  title: string;
  intro: string;
  none: string;
  answerLabel: (thread: NoteThread) => string;
}

/**
 * "Samarbeid": the library's channels with the university libraries (notes addressed to the
 * library or a branch, which the API lets the library read), newest first, each with an answer
 * form that names the university library the channel is with.
 */
export function CooperationPage() {
  const { t } = useTranslation();
  return (
    <Channels
      texts={{
        title: t('library.cooperation.title'),
        intro: t('library.cooperation.intro'),
        none: t('library.cooperation.none'),
        answerLabel: (thread) => t('library.cooperation.answerLabel', { university: thread.universityName }),
      }}
    />
  );
}

/**
 * The county's inbox in its console: every channel — notes between the university libraries and
 * the public libraries, and those addressed to the county (a region) — newest first, each read and
 * answered here. Opening it marks the notes read for the county.
 */
export function CountyInboxPage() {
  const { t } = useTranslation();
  return (
    <Channels
      texts={{
        title: t('library.inbox.title'),
        intro: t('library.inbox.intro'),
        none: t('library.inbox.none'),
        answerLabel: (thread) => t('library.inbox.answerLabel', { university: thread.universityName, library: thread.targetName }),
      }}
    />
  );
}

function Channels({ texts }: { texts: ChannelTexts }) {
  const threads = useQuery(liaisonQueries.threads());
  return (
    <Page title={texts.title}>
      <p className="ds-paragraph">{texts.intro}</p>
      {threads.isPending ? (
        <LoadingState />
      ) : threads.isError ? (
        <QueryError error={threads.error} onRetry={() => void threads.refetch()} headingLevel={2} />
      ) : threads.data.items.length === 0 ? (
        <EmptyState title={texts.none} />
      ) : (
        [...threads.data.items]
          .sort((a, b) => b.lastNoteAt.localeCompare(a.lastNoteAt))
          .map((thread) => <Channel key={`${thread.universityId}:${thread.targetActorId ?? thread.targetRegionId}`} thread={thread} answerLabel={texts.answerLabel(thread)} />)
      )}
    </Page>
  );
}

function Channel({ thread, answerLabel }: { thread: NoteThread; answerLabel: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  // A channel is with a library (or branch), or with the county (a region).
  const targetId = thread.targetActorId ?? thread.targetRegionId ?? '';
  const target = thread.targetActorId ? { actorId: thread.targetActorId } : { regionId: thread.targetRegionId ?? '' };
  const notes = useQuery(liaisonQueries.notes({ university: thread.universityId, ...(thread.targetActorId ? { actor: targetId } : { region: targetId }), pageSize: 100 }));
  const create = useCreateNote();
  const markRead = useMarkNotesRead();
  const mayWrite = useCan('liaison_note', 'create');
  const [body, setBody] = useState('');
  const [tried, setTried] = useState(false);
  const [sent, setSent] = useState(false);
  const headingId = `channel-${thread.universityId}-${targetId}`;
  const fieldId = `answer-${thread.universityId}-${targetId}`;
  const empty = tried && body.trim() === '';
  const error = empty || (create.error?.status === 400) ? t('liaison.thread.bodyRequired') : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setSent(false);
    if (body.trim() === '') return;
    create.mutate(
      { target, universityId: thread.universityId, body },
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
      {mayWrite && (
      <form className="kb-stack" onSubmit={submit} noValidate>
        {create.isError && create.error.status !== 400 && (
          <Alert color="danger" role="alert">
            {httpErrorText(t, create.error.status)}
          </Alert>
        )}
        <TextArea
          id={fieldId}
          label={answerLabel}
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
      )}
    </section>
  );
}
