import { agreementQueries, ApiError, meQueries, useDecideAgreement } from '@kompetansebro/api-client';
import { mayAcceptFor, visibilityFor, type AgreementDetail, type AgreementStatus, type Me } from '@kompetansebro/domain';
import { formatDate, useLanguage } from '@kompetansebro/i18n';
import { Alert, Button, ConfirmDialog, actionErrorText, TextArea } from '@kompetansebro/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type Party = AgreementDetail['parties'][number];
type Answer = 'accepted' | 'declined';

/** Parties accept while the text may still change (the API answers 409 afterwards). */
const OPEN_FOR_NEGOTIATION: readonly AgreementStatus[] = ['draft', 'negotiating'];

export function isOpenForNegotiation(status: AgreementStatus): boolean {
  return OPEN_FOR_NEGOTIATION.includes(status);
}

export function allPartiesAccepted(agreement: AgreementDetail): boolean {
  return agreement.parties.length > 0 && agreement.parties.every((party) => party.acceptedAt !== null);
}

/**
 * Whether the API would take `party`'s answer from this user: the same rule as the server's
 * (the domain's mayAcceptFor) — each organisation answers for itself; the county admin only for
 * parties no account acts for (a career centre, the county itself).
 */
export function mayAnswerFor(me: Me | null | undefined, agreement: AgreementDetail, party: Party): boolean {
  if (!me || party.acceptedAt !== null || !isOpenForNegotiation(agreement.status)) return false;
  return mayAcceptFor(visibilityFor(me.role, { organisationId: me.activeOrganisationId }), party);
}

function answerErrorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.status === 409) return t('agreements.decision.conflict');
  if (error instanceof ApiError && error.status === 412) return t('agreements.decision.stale');
  return actionErrorText(t, error);
}

/** Where a party stands: accepted (when, and what it said), declined (why), or not answered. Shown in every status. */
export function PartyDecisionText({ agreement, party }: { agreement: AgreementDetail; party: Party }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (party.acceptedAt) {
    return (
      <p className="ds-paragraph">
        {t('agreements.detail.acceptance.accepted', { date: formatDate(party.acceptedAt, language) })}
        {party.decisionComment ? ` — «${party.decisionComment}»` : ''}
      </p>
    );
  }
  if (party.declinedAt) {
    return (
      <p className="ds-paragraph">
        {t('agreements.decision.declined', { date: formatDate(party.declinedAt, language) })}
        {party.decisionComment ? ` — «${party.decisionComment}»` : ''}
      </p>
    );
  }
  return isOpenForNegotiation(agreement.status) ? <p className="ds-paragraph">{t('agreements.detail.acceptance.notYet')}</p> : null;
}

/**
 * A party's answer, and — where the API would take it from this user — the buttons to accept or
 * to decline with a comment. Reusable: the agreement page mounts it per party, and any app whose
 * users answer for their own organisation (the library portal) can mount it beside the agreement.
 */
export function PartyAcceptance({ agreement, party }: { agreement: AgreementDetail; party: Party }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useQuery(meQueries.current());
  const decide = useDecideAgreement(agreement.id);
  const [answering, setAnswering] = useState<Answer | null>(null);
  const [comment, setComment] = useState('');
  const [commentMissing, setCommentMissing] = useState(false);
  // A new object per answer, so its notice takes the focus each time.
  const [done, setDone] = useState<{ answer: Answer } | null>(null);
  const name = party.actorName;

  const confirm = () => {
    if (!answering) return;
    const text = comment.trim();
    if (answering === 'declined' && !text) return setCommentMissing(true);
    decide.mutate(
      { actorId: party.actorId, version: agreement.version, decision: answering, ...(text ? { comment: text } : {}) },
      {
        onSuccess: () => {
          setDone({ answer: answering });
          setComment('');
        },
        onError: (error) => {
          // Stale or no longer open: show the agreement as it is now beside the message.
          if (error instanceof ApiError && (error.status === 412 || error.status === 409)) {
            void queryClient.invalidateQueries({ queryKey: agreementQueries.detail(agreement.id).queryKey });
          }
        },
        onSettled: () => setAnswering(null),
      },
    );
  };

  const notice =
    done?.answer === 'accepted' && party.acceptedAt
      ? t(isOpenForNegotiation(agreement.status) ? 'agreements.detail.acceptance.done' : 'agreements.detail.acceptance.doneSigned', { name })
      : done?.answer === 'declined' && party.declinedAt
        ? t('agreements.decision.declinedDone', { name })
        : null;

  const open = (answer: Answer) => {
    setCommentMissing(false);
    setAnswering(answer);
  };

  return (
    <>
      <PartyDecisionText agreement={agreement} party={party} />
      {mayAnswerFor(me.data, agreement, party) && (
        <div className="kb-cluster">
          <Button variant="primary" disabled={decide.isPending} onClick={() => open('accepted')}>
            {t('agreements.detail.acceptance.confirmOwn', { name })}
          </Button>
          {!party.declinedAt && (
            <Button variant="secondary" disabled={decide.isPending} onClick={() => open('declined')}>
              {t('agreements.decision.decline', { name })}
            </Button>
          )}
        </div>
      )}
      {/* Before the notice: the dialog closes (and the browser hands the focus back) before the notice takes it. */}
      <ConfirmDialog
        open={answering !== null}
        title={t(answering === 'declined' ? 'agreements.decision.declineTitle' : 'agreements.detail.acceptance.dialogTitleOwn', { name })}
        confirmLabel={t(answering === 'declined' ? 'agreements.decision.declineButton' : 'agreements.detail.acceptance.confirmOwnButton')}
        cancelLabel={t('common.cancel')}
        // Answering is what the page is for, not a destructive act.
        confirmColor="accent"
        busy={decide.isPending}
        onConfirm={confirm}
        onCancel={() => setAnswering(null)}
      >
        <p className="ds-paragraph">
          {t(answering === 'declined' ? 'agreements.decision.declineBody' : 'agreements.detail.acceptance.dialogBodyOwn', { name, title: agreement.title })}
        </p>
        <TextArea
          label={t(answering === 'declined' ? 'agreements.decision.reasonLabel' : 'agreements.decision.commentLabel')}
          value={comment}
          rows={3}
          maxLength={2000}
          error={commentMissing ? t('agreements.decision.reasonRequired') : undefined}
          onChange={(event) => setComment(event.target.value)}
        />
      </ConfirmDialog>
      {/* The buttons are gone once answered: the notice takes the focus (WCAG 2.4.3). The last acceptance signs the agreement (the server's rule): the notice says so. */}
      <div role="status">
        {notice && (
          <Alert color="success" focusKey={done}>
            {notice}
          </Alert>
        )}
      </div>
      {decide.isError && <Alert color="danger" heading={t('agreements.decision.failed')}>{answerErrorText(t, decide.error)}</Alert>}
    </>
  );
}
