import { actorHandlers, ActorStore, auditHandlers, AuditStore, buildActorDetail, buildAuditEntry, mswServer, problemResponse } from '@kompetansebro/testing';
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { auditedEntities } from '@kompetansebro/domain';
import { describe, expect, it } from 'vitest';
import { renderRoute } from '@kompetansebro/testing';
import { createHistoryRoute } from './history-routes';

function renderHistory(path: string, audit: AuditStore, actors = new ActorStore()) {
  mswServer.use(...auditHandlers(audit), ...actorHandlers(actors));
  return renderRoute({
    path,
    createRoutes: (root) => [createHistoryRoute(root, { path: 'historikk', recordPaths: { actor: '/aktorer/$id' } })],
  });
}

/** The n-th element, failing the test when there is none. */
function nth<T>(list: readonly T[], n: number): T {
  const item = list[n];
  if (item === undefined) throw new Error(`No element ${n} among ${list.length}`);
  return item;
}

const historyItems = () => within(screen.getByRole('list', { name: 'Historikk' })).getAllByRole('listitem');

describe('RecordHistoryPage', () => {
  it("shows a record's changes newest first: when, who, what, and only the changed fields before → after", async () => {
    const actor = buildActorDetail({ name: 'Namsos folkebibliotek' });
    const creation = buildAuditEntry({
      entityId: actor.id,
      action: 'create',
      occurredAt: '2026-02-03T08:00:00.000Z',
      before: null,
      after: { id: actor.id, name: 'Namsos bibliotek', kind: 'public_library', phone: null, version: 1 },
    });
    const update = buildAuditEntry({
      entityId: actor.id,
      action: 'update',
      occurredAt: '2026-02-04T13:05:00.000Z',
      before: { name: 'Namsos bibliotek', phone: null, description: 'kort', version: 1, updatedAt: '2026-02-03T08:00:00.000Z' },
      after: { name: 'Namsos folkebibliotek', phone: '74 21 70 00', description: 'lang '.repeat(60), version: 2, updatedAt: '2026-02-04T13:05:00.000Z' },
    });
    const audit = new AuditStore([update, creation, buildAuditEntry({ entityId: 'someone-else', action: 'archive' })]).listFor({ entity: 'actor', id: actor.id }, [update, creation]);
    renderHistory(`/historikk/actor/${actor.id}`, audit, new ActorStore([actor]));

    await screen.findByRole('heading', { level: 1, name: 'Historikk: Namsos folkebibliotek' }, { timeout: 5000 });
    const entries = within(await screen.findByRole('list', { name: 'Historikk' })).getAllByRole('listitem');
    expect(entries.map((entry) => within(entry).getByRole('heading', { level: 2 }).textContent)).toEqual([
      'Endret 04.02.2026 14:05',
      'Opprettet 03.02.2026 09:00',
    ]);
    expect(within(nth(entries, 0)).getByText('Av Fylkesbiblioteket (demo)')).toBeTruthy();

    const changed = within(nth(entries, 0)).getByRole('table');
    const rows = within(changed).getAllByRole('row').slice(1).map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(rows.map((row) => row[0])).toEqual(['Navn', 'Telefon', 'Beskrivelse']);
    expect(rows[0]).toEqual(['Navn', 'Namsos bibliotek', 'Namsos folkebibliotek']);
    expect(rows[1]).toEqual(['Telefon', '–', '74 21 70 00']);
    // A long value is cut short with an ellipsis.
    expect(rows[2]?.[2]?.endsWith(' …')).toBe(true);
    expect(rows[2]?.[2]?.length).toBeLessThan(130);

    // The create lists what it set, its kind by name, not the empty fields or the bookkeeping.
    const created = within(nth(entries, 1)).getByRole('table');
    expect(within(created).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['Navn', 'Type']);
    expect(within(created).getByText('Folkebibliotek')).toBeTruthy();

    expect(screen.getByRole('link', { name: 'Tilbake til aktør' }).getAttribute('href')).toBe(`/aktorer/${actor.id}`);
    expect(audit.queries.at(-1)?.get('entity')).toBe('actor');
    expect(audit.queries.at(-1)?.get('id')).toBe(actor.id);
  });

  it('pages through a long history with the page in the URL', async () => {
    const actor = buildActorDetail();
    const entries = Array.from({ length: 30 }, (_, i) =>
      buildAuditEntry({ entityId: actor.id, before: { name: `Navn ${i}` }, after: { name: `Navn ${i + 1}` } }),
    );
    const { user, router } = renderHistory(`/historikk/actor/${actor.id}`, new AuditStore([...entries].reverse()), new ActorStore([actor]));

    await screen.findByText('1–25 av 30', {}, { timeout: 5000 });
    expect(historyItems()).toHaveLength(25);
    // Newest first: the last change made is at the top.
    expect(within(nth(historyItems(), 0)).getByText('Navn 30')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Neste side' }));
    await screen.findByText('26–30 av 30');
    expect(router.state.location.search).toEqual({ page: 2 });
    expect(historyItems()).toHaveLength(5);
    expect(within(nth(historyItems(), 4)).getByText('Navn 0')).toBeTruthy();
  });

  it('says so when nothing has been recorded', async () => {
    const actor = buildActorDetail({ name: 'Flatanger bibliotek' });
    renderHistory(`/historikk/actor/${actor.id}`, new AuditStore(), new ActorStore([actor]));
    await screen.findByRole('heading', { name: 'Ingen endringer registrert' }, { timeout: 5000 });
    expect(screen.getByRole('heading', { level: 1, name: 'Historikk: Flatanger bibliotek' })).toBeTruthy();
  });

  it('says the record is not found for an unknown kind, or a record that never existed', async () => {
    renderHistory('/historikk/planet/1', new AuditStore());
    await screen.findByRole('heading', { level: 1, name: 'Fant ikke oppføringen' }, { timeout: 5000 });
    expect(screen.getByRole('link', { name: 'Se hele endringsloggen' })).toBeTruthy();
  });

  it('says so for an actor id that does not exist and has no history', async () => {
    renderHistory('/historikk/actor/00000000-0000-4000-8002-999999999999', new AuditStore());
    await screen.findByRole('heading', { level: 1, name: 'Fant ikke oppføringen' }, { timeout: 5000 });
  });

  it('shows an error with a retry when the log cannot be read', async () => {
    const actor = buildActorDetail();
    renderHistory(`/historikk/actor/${actor.id}`, new AuditStore(), new ActorStore([actor]));
    mswServer.use(http.get('*/api/audit', () => problemResponse(500)));
    await screen.findByRole('heading', { name: 'Noe gikk galt' }, { timeout: 5000 });
    expect(screen.getByRole('button', { name: 'Prøv igjen' })).toBeTruthy();
  });

  it('links a service history to its actor, found in the entries', async () => {
    const audit = new AuditStore([
      buildAuditEntry({ entity: 'service', entityId: 'svc-1', action: 'confirm', before: { lastConfirmedAt: null, actorId: 'a' }, after: { lastConfirmedAt: '2026-02-03T10:00:00.000Z', actorId: '00000000-0000-4000-8002-000000000042' } }),
    ]);
    renderHistory('/historikk/service/svc-1', audit);
    await screen.findByRole('heading', { level: 1, name: 'Historikk for tjeneste' }, { timeout: 5000 });
    await waitFor(() => expect(screen.getByRole('link', { name: 'Gå til aktøren' }).getAttribute('href')).toBe('/aktorer/00000000-0000-4000-8002-000000000042'));
    expect(screen.getByRole('heading', { level: 2, name: /^Bekreftet/ })).toBeTruthy();
  });
});

describe('AuditLogPage', () => {
  it('names and links a survey and student counts, and says who accepted an agreement', async () => {
    const party = (acceptedAt: string | null) => ({ actorId: '00000000-0000-4000-8002-000000000007', actorName: 'Namsos bibliotek', acceptedAt, declinedAt: null });
    const audit = new AuditStore([
      buildAuditEntry({ entity: 'survey', entityId: '00000000-0000-4000-8009-000000000001', action: 'create', before: null, after: { name: 'Tjenester 2027' } }),
      buildAuditEntry({ entity: 'student_counts', entityId: '00000000-0000-4000-8009-000000000002', action: 'create', before: null, after: { period: 'current', counts: [] }, recordName: 'NTNU Universitetsbiblioteket' }),
      buildAuditEntry({
        entity: 'agreement',
        entityId: '00000000-0000-4000-8005-000000000002',
        action: 'update',
        before: { title: 'Samarbeidsavtale Namsos', parties: [party(null)] },
        after: { title: 'Samarbeidsavtale Namsos', parties: [party('2026-12-06T10:26:00.000Z')] },
      }),
    ]);
    renderHistory('/historikk', audit);
    await screen.findByText('1–3 av 3', {}, { timeout: 5000 });
    expect(screen.getByRole('link', { name: 'Tjenester 2027' }).getAttribute('href')).toBe('/historikk/survey/00000000-0000-4000-8009-000000000001');
    expect(screen.getByRole('link', { name: 'NTNU Universitetsbiblioteket, tallene nå' }).getAttribute('href')).toBe('/historikk/student_counts/00000000-0000-4000-8009-000000000002');
    expect(within(screen.getByRole('row', { name: /Samarbeidsavtale Namsos/ })).getByText('Godtatt av Namsos bibliotek')).toBeTruthy();
  });


  it('lists the whole log and filters by kind of record in the URL', async () => {
    const actorEntry = buildAuditEntry({ entity: 'actor', entityId: '00000000-0000-4000-8002-000000000001' });
    const audit = new AuditStore([
      buildAuditEntry({
        entity: 'agreement',
        entityId: '00000000-0000-4000-8005-000000000001',
        action: 'transition',
        userId: null,
        userName: null,
        before: { title: 'Fjernlånsavtale Fosen', status: 'signed' },
        after: { title: 'Fjernlånsavtale Fosen', status: 'active' },
      }),
      actorEntry,
      buildAuditEntry({ entity: 'sample-data', entityId: 'service', action: 'load', userId: null, userName: null, before: null, after: { services: 3 } }),
      buildAuditEntry({ entity: 'opening_hours', entityId: 'c0ffee00-0000-4000-8000-000000000009', action: 'update', before: {}, after: { weeks: [] } }),
    ]).listFor({ entity: 'actor' }, [actorEntry]);
    const { user, router } = renderHistory('/historikk', audit);
    await screen.findByText('1–4 av 4', {}, { timeout: 5000 });
    // A record by its name, linking to its history; the kind beside it.
    const agreementRow = screen.getByRole('row', { name: /Fjernlånsavtale Fosen/ });
    expect(within(agreementRow).getByRole('link', { name: 'Fjernlånsavtale Fosen' }).getAttribute('href')).toBe(
      '/historikk/agreement/00000000-0000-4000-8005-000000000001',
    );
    expect(within(agreementRow).getByText('avtale')).toBeTruthy();
    // The new status by name, not only that it changed.
    expect(within(agreementRow).getByText('Ny status: Aktiv')).toBeTruthy();
    expect(within(agreementRow).getByText('Systemet')).toBeTruthy();
    // A kind with no history page of its own gets no link.
    const sampleRow = screen.getByRole('row', { name: /eksempeldata/ });
    expect(within(sampleRow).queryByRole('link')).toBeNull();
    expect(within(sampleRow).getByText('Lastet inn')).toBeTruthy();
    // A load of sample data says what it added, never a piece of its id.
    expect(within(sampleRow).getByText('3 tjenester')).toBeTruthy();
    expect(within(sampleRow).queryByText(/servi/)).toBeNull();
    // A record without a name in the entry goes by its kind, never by a piece of its id.
    expect(within(screen.getByRole('row', { name: /åpningstider/ })).getByText('Uten navn (åpningstider)')).toBeTruthy();

    // Every kind the log can hold, by its name as a choice.
    const choices = within(screen.getByRole('combobox', { name: 'Type' })).getAllByRole('option').map((option) => option.textContent);
    expect(choices).toHaveLength(auditedEntities.length + 1);
    expect(choices).toEqual(expect.arrayContaining(['Alle typer', 'Aktør', 'Undersøkelse', 'Studenttall']));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'actor');
    await screen.findByText('1–1 av 1');
    expect(router.state.location.search).toEqual({ entity: 'actor' });
    expect(audit.queries.at(-1)?.get('entity')).toBe('actor');
  });
});
