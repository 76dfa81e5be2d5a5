import { liaisonQueries, regionQueries, useSetDigestSubscription } from '@kompetansebro/api-client';
import { noteThreadListQuerySchema, pageRange } from '@kompetansebro/domain';
import { formatDate, useLanguage } from '@kompetansebro/i18n';
import { Alert, Button, EmptyState, ListSearchForm, LoadingState, Page, Pagination, QueryError, Section, useListSearch } from '@kompetansebro/ui';
import { PICKER_SEARCH_SIZE, SearchablePicker, startsAWord, usePickerSearch } from '@kompetansebro/ui/searchable-picker';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiaisonPaths } from './liaison-feature-context';

/** What the URL holds of the channel list: the search and the page. */
const channelsSearchSchema = noteThreadListQuerySchema.pick({ q: true, page: true });

/**
 * The cooperation channels: the threads the user's organisation is a party to (latest note first,
 * found by name, a page at a time), a way to start one with a library or (through the county) a
 * region, and the e-mail digest opt-in.
 */
export function ChannelsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const paths = useLiaisonPaths();
  const navigate = useNavigate();
  const list = useListSearch(channelsSearchSchema, paths.channels);
  const threads = useQuery({ ...liaisonQueries.threads(list.view), placeholderData: keepPreviousData });
  // Whom to write to: the libraries the server finds for what is typed (there are many), and the regions.
  const targetSearch = usePickerSearch();
  const libraries = useQuery({ ...liaisonQueries.libraries({ q: targetSearch.q || undefined, pageSize: PICKER_SEARCH_SIZE, sort: 'name' }), placeholderData: keepPreviousData });
  const regions = useQuery(regionQueries.list());
  const digest = useQuery(liaisonQueries.digest());
  const setDigest = useSetDigestSubscription();
  const [target, setTarget] = useState('');

  const libraryOptions = (libraries.data?.items ?? []).map((library) => ({
    value: `bibliotek:${library.id}`,
    label: library.municipalityName && !library.name.includes(library.municipalityName) ? `${library.name} (${library.municipalityName})` : library.name,
  }));
  const regionOptions = (regions.data?.items ?? [])
    .map((region) => ({ value: `region:${region.id}`, label: t('liaison.channels.regionTarget', { region: region.name }) }))
    .filter((option) => startsAWord(option.label, targetSearch.typed));

  const open = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const [kind, id] = target.split(':');
    if (!kind || !id) return;
    void navigate({ to: paths.thread, params: { kind, id } });
  };

  return (
    <Page title={t('liaison.channels.title')}>
      <p className="ds-paragraph">
        {t('liaison.channels.intro')} {t('liaison.notesVisibility')}
      </p>

      <Section id="channels-list" title={t('liaison.channels.threadsTitle')} className="kb-stack">
        {/* Nothing to search before the first channel. */}
        {(list.view.q || (threads.data?.total ?? 0) > 0) && (
          <ListSearchForm label={t('liaison.channels.searchLabel')} description={t('liaison.channels.searchHelp')} q={list.view.q} onSearch={(q) => list.update({ q })} />
        )}
        {threads.isError ? (
          <QueryError error={threads.error} onRetry={() => void threads.refetch()} />
        ) : threads.isPending ? (
          <LoadingState />
        ) : threads.data.total === 0 && list.view.q ? (
          <EmptyState title={t('liaison.channels.noneFound', { query: list.view.q })} headingLevel={3}>
            {t('liaison.channels.noneFoundHelp')}
          </EmptyState>
        ) : threads.data.total === 0 ? (
          <EmptyState title={t('states.emptyTitle')} headingLevel={3}>
            {t('liaison.channels.noThreads')}
          </EmptyState>
        ) : (
          <>
            <ul aria-busy={threads.isFetching}>
              {threads.data.items.map((thread) => (
                <li key={`${thread.universityId}:${thread.targetActorId ?? thread.targetRegionId}`}>
                  <Link
                    className="ds-link"
                    to={paths.thread}
                    params={thread.targetActorId ? { kind: 'bibliotek', id: thread.targetActorId } : { kind: 'region', id: thread.targetRegionId ?? '' }}
                  >
                    {thread.targetActorId ? thread.targetName : t('liaison.channels.regionTarget', { region: thread.targetName })}
                  </Link>{' '}
                  – {thread.universityName}: {t('liaison.channels.threadNotes', { count: thread.notes, date: formatDate(thread.lastNoteAt, language) })}
                </li>
              ))}
            </ul>
            <Pagination page={threads.data.page} total={threads.data.total} range={pageRange(threads.data)} onPageChange={list.setPage} />
          </>
        )}
      </Section>

      <Section id="channels-new" title={t('liaison.channels.newTitle')}>
        <form className="kb-stack" onSubmit={open}>
          <SearchablePicker
            id="channel-target"
            label={t('liaison.channels.targetLabel')}
            description={t('liaison.channels.targetHelp')}
            search={targetSearch}
            matches={libraries.data && { shown: libraries.data.items.length, total: libraries.data.total }}
            loading={libraries.isFetching}
            options={[...libraryOptions, ...regionOptions]}
            value={target}
            onChange={setTarget}
          />
          <div className="kb-stack">
            <Button type="submit" variant="secondary" disabled={!target} aria-describedby={target ? undefined : 'channel-open-hint'}>
              {t('liaison.channels.open')}
            </Button>
            {/* Why the button waits, where it is seen. */}
            {!target && (
              <p className="ds-paragraph" data-size="sm" id="channel-open-hint">
                {t('liaison.channels.openHint')}
              </p>
            )}
          </div>
        </form>
      </Section>

      <Section id="channels-digest" title={t('liaison.channels.digestTitle')}>
        {digest.data && (
          <div className="ds-field">
            <input
              className="ds-input"
              type="checkbox"
              id="digest-subscription"
              checked={digest.data.subscribed}
              disabled={setDigest.isPending}
              onChange={(event) => setDigest.mutate(event.target.checked)}
            />
            <label className="ds-label" data-weight="regular" htmlFor="digest-subscription">
              {t('liaison.channels.digestLabel')}
            </label>
          </div>
        )}
        <p role="status">{digest.data ? (digest.data.subscribed ? t('liaison.channels.digestOn') : t('liaison.channels.digestOff')) : ''}</p>
        {(setDigest.isError || digest.isError) && <Alert color="danger">{t('liaison.channels.digestFailed')}</Alert>}
      </Section>
    </Page>
  );
}
