import { liaisonQueries, useCan, useCreateNote, useMarkNotesRead } from '@kompetansebro/api-client';
import { noteThreadListQuerySchema, pageRange, type NoteCreate, type NoteThread } from '@kompetansebro/domain';
import { formatDate, useLanguage } from '@kompetansebro/i18n';
import { Alert, Button, EmptyState, ErrorSummary, httpErrorText, LoadingState, Page, Pagination, QueryError, Select, TextArea, useListSearch } from '@kompetansebro/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useLocation } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { channelKey } from './channel-key';
import { ForLibrary, type Library } from './use-library';
import './library.css';

/** What a channels screen says: the library's own, or the county's inbox. */
interface ChannelTexts {
  title: string;
  intro: string;
  /** Where to write, told only to a user who may write. */
  answerHint: string;
  none: string;
  answerLabel: (thread: NoteThread) => string;
}

/** Who the channel is with: the university library, or the county when there is none. */
function counterpartOf(t: TFunction, thread: Pick<NoteThread, 'universityName'>): string {
  return thread.universityName ?? t('library.cooperation.county');
}

/**
 * "Samarbeid": the library's channels with the university libraries and with the county (notes
 * addressed to the library or a branch, which the API lets the library read), newest first, each
 * with an answer form; and a form that starts a note to NTNU, Nord or the county.
 */
export function CooperationPage() {
  const { t } = useTranslation();
  return (
    <ForLibrary title={t('library.cooperation.title')}>
      {(library) => (
        <Channels
          texts={{
            title: t('library.cooperation.title'),
            intro: t('library.cooperation.intro'),
            answerHint: t('library.cooperation.answerHint'),
            none: t('library.cooperation.none'),
            answerLabel: (thread) => t('library.cooperation.answerLabel', { university: counterpartOf(t, thread) }),
          }}
          start={<StartNote library={library} />}
        />
      )}
    </ForLibrary>
  );
}

/**
 * The county's inbox in its console: every channel — notes between the university libraries and
 * the public libraries, those addressed to the county (a region), and those between a library and
 * the county — newest first, each read and answered here. Opening it marks the notes read for the county.
 */
export function CountyInboxPage() {
  const { t } = useTranslation();
  return (
    <Channels
      texts={{
        title: t('library.inbox.title'),
        intro: t('library.inbox.intro'),
        answerHint: t('library.inbox.answerHint'),
        none: t('library.inbox.none'),
        answerLabel: (thread) => t('library.inbox.answerLabel', { university: counterpartOf(t, thread), library: thread.targetName }),
      }}
    />
  );
}

/** Channels shown at once: each shows all its notes and an answer form. */
const CHANNELS_PER_PAGE = 10;

/** What the URL holds of a channels screen: its page. */
const channelsSearchSchema = noteThreadListQuerySchema.pick({ page: true });

function Channels({ texts, start }: { texts: ChannelTexts; start?: ReactNode }) {
  const { t } = useTranslation();
  const mayWrite = useCan('liaison_note', 'create');
  const here = useLocation({ select: (location) => location.pathname });
  const list = useListSearch(channelsSearchSchema, here);
  const threads = useQuery({ ...liaisonQueries.threads({ page: list.view.page, pageSize: CHANNELS_PER_PAGE }), placeholderData: keepPreviousData });
  return (
    <Page title={texts.title}>
      <p className="ds-paragraph">
        {texts.intro} {t('liaison.notesVisibility')}
        {mayWrite && ` ${texts.answerHint}`}
      </p>
      {start}
      {threads.isPending ? (
        <LoadingState />
      ) : threads.isError ? (
        <QueryError error={threads.error} onRetry={() => void threads.refetch()} headingLevel={2} />
      ) : threads.data.items.length === 0 ? (
        <EmptyState title={texts.none} />
      ) : (
        <>
          {threads.data.items.map((thread) => (
            <Channel key={channelKey(thread)} thread={thread} answerLabel={texts.answerLabel(thread)} />
          ))}
          {threads.data.total > threads.data.pageSize && (
            <Pagination page={threads.data.page} total={threads.data.total} range={pageRange(threads.data)} onPageChange={list.setPage} />
          )}
        </>
      )}
    </Page>
  );
}

/**
 * A note's text and its send button; `recipient` says where it goes (null: a choice is missing,
 * which the fields above say beside themselves once `tried`). Sent, the text is cleared.
 */
function NoteForm({
  id,
  label,
  sendLabel,
  recipient,
  recipientMissing,
  children,
}: {
  id: string;
  label: string;
  sendLabel: string;
  recipient: () => Omit<NoteCreate, 'body'> | null;
  /** The recipient's field and what it says when none is chosen (`recipient` gives null), for the error summary. */
  recipientMissing?: { fieldId: string; message: string };
  children?: (tried: boolean) => ReactNode;
}) {
  const { t } = useTranslation();
  const create = useCreateNote();
  const [body, setBody] = useState('');
  const [tried, setTried] = useState(false);
  const [sent, setSent] = useState(false);
  const empty = tried && body.trim() === '';
  const error = empty || create.error?.status === 400 ? t('liaison.thread.bodyRequired') : undefined;
  // Every error of an attempt at once, at the top, with the focus (as the university's channel page does).
  const [attempt, setAttempt] = useState(0);
  const summary = [...(tried && recipientMissing && recipient() === null ? [recipientMissing] : []), ...(error ? [{ fieldId: id, message: error }] : [])];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setSent(false);
    const to = recipient();
    if (body.trim() === '' || to === null) return setAttempt((count) => count + 1);
    create.mutate(
      { ...to, body },
      {
        onSuccess: () => {
          setBody('');
          setTried(false);
          setSent(true);
        },
        onError: () => setAttempt((count) => count + 1),
      },
    );
  };

  return (
    <form className="kb-stack" onSubmit={submit} noValidate>
      <ErrorSummary errors={summary} focusKey={attempt} />
      {create.isError && create.error.status !== 400 && (
        <Alert color="danger" role="alert">
          {httpErrorText(t, create.error.status)}
        </Alert>
      )}
      {children?.(tried)}
      <TextArea id={id} label={label} description={t('liaison.thread.bodyHelp')} value={body} maxLength={4000} error={error} onChange={(event) => setBody(event.target.value)} />
      <div className="kb-cluster">
        <Button type="submit" loading={create.isPending}>
          {sendLabel}
        </Button>
        <p role="status" className="ds-paragraph">
          {sent ? t('liaison.thread.sent') : ''}
        </p>
      </div>
    </form>
  );
}

const COUNTY = 'county';

/**
 * A new note from the library: to a university library (NTNU, Nord) or to the county, about the
 * library or one of its branches. It opens (or continues) the channel between the two.
 */
function StartNote({ library }: { library: Library }) {
  const { t } = useTranslation();
  const mayWrite = useCan('liaison_note', 'create');
  const universities = useQuery(liaisonQueries.universities());
  const [to, setTo] = useState('');
  const [about, setAbout] = useState(library.libraryId);
  if (!mayWrite) return null;
  const branches = library.branches.data?.items ?? [];
  const recipients = [
    ...(universities.data?.items ?? []).map((university) => ({ value: university.id, label: university.name })),
    { value: COUNTY, label: t('library.cooperation.county') },
  ];
  return (
    <section aria-labelledby="start-note" className="kb-stack kb-library-channel">
      <h2 className="ds-heading" data-size="sm" id="start-note">
        {t('library.cooperation.startTitle')}
      </h2>
      <NoteForm
        id="start-note-body"
        label={t('library.cooperation.startLabel')}
        sendLabel={t('library.cooperation.startSend')}
        recipient={() => (to === '' ? null : { target: { actorId: about }, universityId: to === COUNTY ? null : to })}
        recipientMissing={{ fieldId: 'start-note-to', message: t('library.cooperation.recipientRequired') }}
      >
        {(tried) => (
          <>
            <Select
              id="start-note-to"
              label={t('library.cooperation.to')}
              emptyOption={t('library.cooperation.chooseRecipient')}
              options={recipients}
              value={to}
              error={tried && to === '' ? t('library.cooperation.recipientRequired') : undefined}
              onChange={(event) => setTo(event.target.value)}
            />
            {branches.length > 0 && (
              <Select
                id="start-note-about"
                label={t('library.cooperation.about')}
                options={[{ value: library.libraryId, label: library.name }, ...branches.map((branch) => ({ value: branch.id, label: branch.name }))]}
                value={about}
                onChange={(event) => setAbout(event.target.value)}
              />
            )}
          </>
        )}
      </NoteForm>
    </section>
  );
}

function Channel({ thread, answerLabel }: { thread: NoteThread; answerLabel: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  // A channel is with a library (or branch), or with the county (a region); and with a university library or the county.
  const targetId = thread.targetActorId ?? thread.targetRegionId ?? '';
  const target = thread.targetActorId ? { actorId: thread.targetActorId } : { regionId: thread.targetRegionId ?? '' };
  const notes = useQuery(
    liaisonQueries.notes({
      ...(thread.universityId ? { university: thread.universityId } : { county: 'true' }),
      ...(thread.targetActorId ? { actor: targetId } : { region: targetId }),
      pageSize: 100,
    }),
  );
  const markRead = useMarkNotesRead();
  const mayWrite = useCan('liaison_note', 'create');
  const headingId = `channel-${channelKey(thread)}`;

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
        {t('library.cooperation.channel', { university: counterpartOf(t, thread), library: thread.targetName })}
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
        <NoteForm id={`answer-${channelKey(thread)}`} label={answerLabel} sendLabel={t('library.cooperation.send')} recipient={() => ({ target, universityId: thread.universityId })} />
      )}
    </section>
  );
}
