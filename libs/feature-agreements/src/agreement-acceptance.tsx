import { agreementQueries, ApiError, meQueries, useAcceptAgreement } from '@kompetansebro/api-client';
import { hasActorId, visibilityFor, type AgreementDetail, type AgreementStatus, type Me } from '@kompetansebro/domain';
import { formatDate, useLanguage } from '@kompetansebro/i18n';
import { Alert, Button, ConfirmDialog, httpErrorText } from '@kompetansebro/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type Party = AgreementDetail['parties'][number];

/** Parties accept while the text may still change (the API answers 409 afterwards). */
const OPEN_FOR_NEGOTIATION: readonly AgreementStatus[] = ['draft', 'negotiating'];

export function isOpenForNegotiation(status: AgreementStatus): boolean {
  return OPEN_FOR_NEGOTIATION.includes(status);
}

export function allPartiesAccepted(agreement: AgreementDetail): boolean {
  return agreement.parties.length > 0 && agreement.parties.every((party) => party.acceptedAt !== null);
}

/**
 * Whether the API would record `party`'s acceptance from this user: the same rule as the
 * server's (`scope.agreements.acceptFor` from the domain's visibility table) — a coordinator
 * accepts for its own centre only, a county admin for any party, others for none.
 */
export function mayAcceptFor(me: Me | null | undefined, agreement: AgreementDetail, party: Party): boolean {
  if (!me || party.acceptedAt !== null || !isOpenForNegotiation(agreement.status)) return false;
  const visibility = visibilityFor(me.role, { organisationId: me.activeOrganisationId });
  return hasActorId(visibility.agreements.acceptFor, party.actorId);
}

function acceptErrorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.status === 409) return t('agreements.detail.acceptance.conflict');
  if (error instanceof ApiError && error.status === 412) return t('agreements.detail.acceptance.stale');
  if (error instanceof ApiError) return error.problem.detail ?? httpErrorText(t, error.status);
  return t('states.errorBody');
}

/** A party's acceptance as text, and the button to confirm it where the API would accept it. */
export function PartyAcceptance({ agreement, party }: { agreement: AgreementDetail; party: Party }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const me = useQuery(meQueries.current());
  const accept = useAcceptAgreement(agreement.id);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState(false);
  const own = me.data?.activeOrganisationId === party.actorId;
  const name = party.actorName;

  const confirm = () => {
    accept.mutate(
      { actorId: party.actorId, version: agreement.version },
      {
        onSuccess: () => setDone(true),
        onError: (error) => {
          // Stale or no longer open: show the agreement as it is now beside the message.
          if (error instanceof ApiError && (error.status === 412 || error.status === 409)) {
            void queryClient.invalidateQueries({ queryKey: agreementQueries.detail(agreement.id).queryKey });
          }
        },
        onSettled: () => setConfirming(false),
      },
    );
  };

  return (
    <>
      {party.acceptedAt ? (
        <p className="ds-paragraph">{t('agreements.detail.acceptance.accepted', { date: formatDate(party.acceptedAt, language) })}</p>
      ) : (
        isOpenForNegotiation(agreement.status) && <p className="ds-paragraph">{t('agreements.detail.acceptance.notYet')}</p>
      )}
      {mayAcceptFor(me.data, agreement, party) && (
        <p>
          <Button variant={own ? 'primary' : 'secondary'} disabled={accept.isPending} onClick={() => setConfirming(true)}>
            {t(own ? 'agreements.detail.acceptance.confirmOwn' : 'agreements.detail.acceptance.registerFor', { name })}
          </Button>
        </p>
      )}
      <div role="status">{done && party.acceptedAt && <p className="ds-paragraph">{t('agreements.detail.acceptance.done', { name })}</p>}</div>
      {accept.isError && (
        <Alert color="danger" heading={t('agreements.detail.acceptance.failed')}>
          <p className="ds-paragraph">{acceptErrorText(t, accept.error)}</p>
        </Alert>
      )}
      <ConfirmDialog
        open={confirming}
        title={t(own ? 'agreements.detail.acceptance.dialogTitleOwn' : 'agreements.detail.acceptance.dialogTitleFor', { name })}
        confirmLabel={t(own ? 'agreements.detail.acceptance.confirmOwnButton' : 'agreements.detail.acceptance.confirmForButton')}
        cancelLabel={t('common.cancel')}
        // Accepting is what the page is for, not a destructive act.
        confirmColor="accent"
        busy={accept.isPending}
        onConfirm={confirm}
        onCancel={() => setConfirming(false)}
      >
        {t(own ? 'agreements.detail.acceptance.dialogBodyOwn' : 'agreements.detail.acceptance.dialogBodyFor', { name, title: agreement.title })}
      </ConfirmDialog>
    </>
  );
}
