import { meQueries, userQueries, useEndUserSessions, useResendInvitation, useSetUserDisabled } from '@kompetansebro/api-client';
import type { ApiError } from '@kompetansebro/api-client';
import type { User } from '@kompetansebro/domain';
import { formatDate, useLanguage } from '@kompetansebro/i18n';
import { Alert, Button, ConfirmDialog, Fact, httpErrorText, Page, Section, StatusTag, useNoticeForThisVisit } from '@kompetansebro/ui';
import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MembershipEditor } from './membership-editor';
import { useUserFeature, type UserNotice } from './user-feature-context';
import { userStatus, userStatusColor } from './user-status';

/** The record the page shows, from the route's params: its route loads it before the page shows. */
export function recordQuery({ id = '' }: { id?: string }) {
  return userQueries.detail(id);
}

/** One user: details, access (editable), and disabling or logging them out everywhere. */
export function UserPage() {
  const { notice, setNotice } = useUserFeature();
  // Loaded by the route before the page shows (its pending and error pages are the route's).
  const user = useSuspenseQuery(recordQuery(useParams({ strict: false })));

  const noticeForThisVisit = useNoticeForThisVisit(notice, setNotice);
  return <UserDetails key={user.data.id} user={user.data} notice={noticeForThisVisit} />;
}

type Confirming = 'disable' | 'enable' | 'endSessions' | null;
type Status = { kind: 'invited' | 'reinvited'; email: string } | { kind: 'membershipsSaved' | 'disabled' | 'enabled' | 'sessionsEnded' };

function UserDetails({ user, notice }: { user: User; notice: UserNotice | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const { paths } = useUserFeature();
  const me = useQuery(meQueries.current());
  const setDisabled = useSetUserDisabled(user.id);
  const endSessions = useEndUserSessions(user.id);
  const resendInvitation = useResendInvitation(user.id);
  const [confirming, setConfirming] = useState<Confirming>(null);
  // Filled after the first paint, so screen readers announce it (a live region must exist before it changes).
  const [status, setStatus] = useState<Status | null>(null);
  useEffect(() => {
    if (notice) setStatus(notice);
  }, [notice]);
  const [failure, setFailure] = useState<{ title: string; message: string } | null>(null);

  const state = userStatus(user);
  const ownAccount = me.data?.user.id === user.id;

  const failed = (title: string, error: ApiError) => {
    // 409: the last enabled county admin cannot be disabled.
    setFailure({ title, message: error.status === 409 && confirming === 'disable' ? t('users.lastAdmin') : httpErrorText(t, error.status) });
    // Someone else changed the user: show their version, so another try sends the right one.
    if (error.status === 412) void queryClient.invalidateQueries({ queryKey: userQueries.detail(user.id).queryKey });
  };

  const confirm = () => {
    setFailure(null);
    if (confirming === 'disable' || confirming === 'enable') {
      const disabled = confirming === 'disable';
      setDisabled.mutate(
        { disabled, version: user.version },
        {
          onSuccess: () => setStatus({ kind: disabled ? 'disabled' : 'enabled' }),
          onError: (error) => failed(disabled ? t('users.disable.failed') : t('users.enable.failed'), error),
          onSettled: () => setConfirming(null),
        },
      );
    } else if (confirming === 'endSessions') {
      endSessions.mutate(undefined, {
        onSuccess: () => setStatus({ kind: 'sessionsEnded' }),
        onError: (error) => failed(t('users.endSessions.failed'), error),
        onSettled: () => setConfirming(null),
      });
    }
  };

  const statusText = (current: Status) => {
    switch (current.kind) {
      case 'invited':
        return t('users.invite.sent', { email: current.email });
      case 'reinvited':
        return t('users.resendInvitation.done', { email: current.email });
      case 'membershipsSaved':
        return t('users.memberships.saved');
      case 'disabled':
        return t('users.disable.done');
      case 'enabled':
        return t('users.enable.done');
      case 'sessionsEnded':
        return t('users.endSessions.done');
    }
  };

  const resend = () => {
    setFailure(null);
    resendInvitation.mutate(undefined, {
      onSuccess: () => setStatus({ kind: 'reinvited', email: user.email }),
      onError: (error) => failed(t('users.resendInvitation.failed'), error),
    });
  };

  const dialog = confirming === 'endSessions' ? 'endSessions' : confirming === 'enable' ? 'enable' : 'disable';

  return (
    <Page title={user.name}>
      {/* Polite, and never takes focus: the user reads it when they get to it. */}
      <div role="status">{status && <Alert color="success">{statusText(status)}</Alert>}</div>
      {failure && (
        <Alert color="danger" role="alert" heading={failure.title}>
          {failure.message}
        </Alert>
      )}

      <p className="kb-cluster">
        <StatusTag color={userStatusColor[state]}>{t(`users.status.${state}`)}</StatusTag>
      </p>
      {user.disabledAt && <Alert color="warning">{t('users.detail.disabledNotice', { date: formatDate(user.disabledAt, language) })}</Alert>}

      <Section id="user-facts" title={t('users.detail.facts')}>
        <dl className="kb-facts">
          <Fact label={t('users.field.email.label')}>
            <a className="ds-link" href={`mailto:${user.email}`}>
              {user.email}
            </a>
          </Fact>
          <Fact label={t('users.detail.password')}>{user.hasPassword ? t('users.detail.passwordSet') : t('users.detail.passwordNotSet')}</Fact>
          <Fact label={t('users.detail.created')}>
            <time dateTime={user.createdAt}>{formatDate(user.createdAt, language)}</time>
          </Fact>
          <Fact label={t('users.detail.updated')}>
            <time dateTime={user.updatedAt}>{formatDate(user.updatedAt, language)}</time>
          </Fact>
        </dl>
      </Section>

      <Section id="user-memberships" title={t('users.memberships.title')}>
        <p className="ds-paragraph">{t('users.memberships.intro')}</p>
        <MembershipEditor user={user} onSaved={() => setStatus({ kind: 'membershipsSaved' })} />
      </Section>

      <Section id="user-actions" title={t('users.detail.actions')}>
        {ownAccount ? (
          <p className="ds-paragraph">{t('users.detail.ownAccount')}</p>
        ) : (
          <div className="kb-cluster">
            {user.disabledAt ? (
              <Button variant="secondary" onClick={() => setConfirming('enable')}>
                {t('users.enable.button')}
              </Button>
            ) : (
              <>
                {state === 'invited' && (
                  <Button variant="secondary" loading={resendInvitation.isPending} onClick={resend}>
                    {t('users.resendInvitation.button')}
                  </Button>
                )}
                <Button variant="secondary" onClick={() => setConfirming('endSessions')}>
                  {t('users.endSessions.button')}
                </Button>
                <Button variant="secondary" color="danger" onClick={() => setConfirming('disable')}>
                  {t('users.disable.button')}
                </Button>
              </>
            )}
          </div>
        )}
      </Section>

      <p>
        <Link className="ds-link" to={paths.list}>
          {t('users.detail.backToList')}
        </Link>
      </p>

      <ConfirmDialog
        open={confirming !== null}
        title={t(`users.${dialog}.title`, { name: user.name })}
        confirmLabel={t(`users.${dialog}.confirm`)}
        cancelLabel={t('common.cancel')}
        confirmColor={dialog === 'enable' ? 'accent' : 'danger'}
        busy={setDisabled.isPending || endSessions.isPending}
        onConfirm={confirm}
        onCancel={() => setConfirming(null)}
      >
        {t(`users.${dialog}.body`)}
      </ConfirmDialog>
    </Page>
  );
}
