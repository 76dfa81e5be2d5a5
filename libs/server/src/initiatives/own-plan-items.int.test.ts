import { describe, expect, it } from 'vitest';
import { sampleId } from '@kompetansebro/db';
import type { OwnPlanItem, Page } from '@kompetansebro/domain';
import { jsonBody } from '@kompetansebro/testing/server';
import { countRows, ifMatch, json, loggedIn, problemOf, testServer } from '../testing/fixture.test';

// Plan items to their owners (issue 19): the organisation responsible for a plan item sees it in
// its own app and moves it on — status and result text only, If-Match, audited.

const server = testServer();
const namdal = loggedIn(server, 'namdal@demo.kompetansebro.no');
const fosen = loggedIn(server, 'fosen@demo.kompetansebro.no');
const viewer = loggedIn(server, 'fylke-innsyn@demo.kompetansebro.no');
const liaison = loggedIn(server, 'ntnu@demo.kompetansebro.no');
const careerCentre = loggedIn(server, 'karriere@demo.kompetansebro.no');
const namsosCampus = loggedIn(server, 'nord-namsos@demo.kompetansebro.no');

const NAMDAL = sampleId('actor', 'study-centre-namdal');
const NAMDAL_ITEM = sampleId('plan-item', 'nb-agreement-namdal');
const FOSEN_ITEM = sampleId('plan-item', 'nb-agreement-fosen');
const CAREER_ITEM = sampleId('plan-item', 'nb-career-centre');
const NAMSOS_CAMPUS_ITEM = sampleId('plan-item', 'nb-namdal-nord-namsos');

const versionOf = async (id: string) =>
  (await server.database.db.selectFrom('plan_item').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
const change = (body: unknown, version: number) => jsonBody('PATCH', body, ifMatch(version));

describe('plan items to their owners', () => {
  it("lists the study centre's own plan items, and nothing of what is linked to them", async () => {
    const page = await json<Page<OwnPlanItem>>(await namdal('/api/own-plan-items?pageSize=100'), 200);
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((item) => item.responsibleActorId === NAMDAL)).toBe(true);
    expect(page.items.map((item) => item.id)).toContain(NAMDAL_ITEM);
    expect(page.items.map((item) => item.id)).not.toContain(FOSEN_ITEM);
    for (const item of page.items) {
      expect(item).not.toHaveProperty('activityIds');
      expect(item).not.toHaveProperty('agreementIds');
      expect(item).not.toHaveProperty('initiativeId');
      expect(item.initiativeTitle).toBeTruthy();
    }
  });

  it('reads one own plan item with its version (ETag), and answers another organisation\'s as one that does not exist', async () => {
    const response = await namdal(`/api/own-plan-items/${NAMDAL_ITEM}`);
    const item = await json<OwnPlanItem>(response, 200);
    expect(item.id).toBe(NAMDAL_ITEM);
    expect(item).not.toHaveProperty('initiativeId');
    expect(response.headers.get('etag')).toContain(String(item.version));
    expect((await namdal(`/api/own-plan-items/${FOSEN_ITEM}`)).status).toBe(404);
    expect((await liaison(`/api/own-plan-items/${NAMDAL_ITEM}`)).status).toBe(404);
  });

  it('lets the owner update status and result, audited, and answers a stale save with 412', async () => {
    const version = await versionOf(NAMDAL_ITEM);
    const auditBefore = await countRows(server, 'audit_entry');
    const updated = await json<OwnPlanItem>(
      await namdal(`/api/own-plan-items/${NAMDAL_ITEM}`, change({ status: 'in_progress', resultText: 'Utkast sendt til bibliotekene' }, version)),
      200,
    );
    expect([updated.status, updated.resultText, updated.version]).toEqual(['in_progress', 'Utkast sendt til bibliotekene', version + 1]);
    expect(await countRows(server, 'audit_entry')).toBe(auditBefore + 1);
    const stale = await namdal(`/api/own-plan-items/${NAMDAL_ITEM}`, change({ status: 'done' }, version));
    expect(stale.status).toBe(412);
  });

  it('refuses any other field, and a status that is not one, naming the field', async () => {
    const version = await versionOf(NAMDAL_ITEM);
    const retitled = await namdal(`/api/own-plan-items/${NAMDAL_ITEM}`, change({ title: 'Nytt navn' }, version));
    expect(retitled.status).toBe(400);
    const bad = await namdal(`/api/own-plan-items/${NAMDAL_ITEM}`, change({ status: 'finished' }, version));
    expect(bad.status).toBe(400);
    expect((await problemOf(bad)).errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'status' })]));
    expect(await versionOf(NAMDAL_ITEM)).toBe(version);
  });

  it("answers another organisation's plan item as one that does not exist", async () => {
    const version = await versionOf(FOSEN_ITEM);
    expect((await namdal(`/api/own-plan-items/${FOSEN_ITEM}`, change({ status: 'done' }, version))).status).toBe(404);
    expect((await fosen(`/api/own-plan-items/${NAMDAL_ITEM}`, change({ status: 'done' }, await versionOf(NAMDAL_ITEM)))).status).toBe(404);
    expect(await versionOf(FOSEN_ITEM)).toBe(version);
  });

  it('keeps the county viewer to reading; a university library that owns no item lists none and reaches no other', async () => {
    expect((await viewer('/api/own-plan-items')).status).toBe(200);
    expect((await viewer(`/api/own-plan-items/${NAMDAL_ITEM}`, change({ status: 'done' }, await versionOf(NAMDAL_ITEM)))).status).toBe(403);
    expect((await json<Page<OwnPlanItem>>(await liaison('/api/own-plan-items'), 200)).total).toBe(0);
    expect((await liaison(`/api/own-plan-items/${NAMDAL_ITEM}`, change({ status: 'done' }, await versionOf(NAMDAL_ITEM)))).status).toBe(404);
  });

  it("lets a partner's contact (the career centre, Nord's Namsos campus) read and move on its own plan items only", async () => {
    const careerItems = await json<Page<OwnPlanItem>>(await careerCentre('/api/own-plan-items?pageSize=100'), 200);
    expect(careerItems.items.map((item) => item.id)).toEqual([CAREER_ITEM]);
    const campusItems = await json<Page<OwnPlanItem>>(await namsosCampus('/api/own-plan-items?pageSize=100'), 200);
    expect(campusItems.items.map((item) => item.id)).toEqual([NAMSOS_CAMPUS_ITEM]);

    const version = await versionOf(CAREER_ITEM);
    const updated = await json<OwnPlanItem>(
      await careerCentre(`/api/own-plan-items/${CAREER_ITEM}`, change({ status: 'in_progress', resultText: 'Møte med bibliotekene avtalt' }, version)),
      200,
    );
    expect([updated.status, updated.resultText]).toEqual(['in_progress', 'Møte med bibliotekene avtalt']);

    // Another organisation's item is one that does not exist; the county's plans, and everything else, are refused.
    expect((await careerCentre(`/api/own-plan-items/${NAMSOS_CAMPUS_ITEM}`)).status).toBe(404);
    const campusVersion = await versionOf(NAMSOS_CAMPUS_ITEM);
    expect((await careerCentre(`/api/own-plan-items/${NAMSOS_CAMPUS_ITEM}`, change({ status: 'done' }, campusVersion))).status).toBe(404);
    expect(await versionOf(NAMSOS_CAMPUS_ITEM)).toBe(campusVersion);
    for (const path of ['/api/initiatives', '/api/actors', '/api/agreements', '/api/activities', '/api/search?q=bibliotek', '/api/liaison/universities', '/api/contacts']) {
      expect([path, (await namsosCampus(path)).status]).toEqual([path, 403]);
    }
    expect((await careerCentre('/api/inbox')).status).toBe(200);
  });
});
