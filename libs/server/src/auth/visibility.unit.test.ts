import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The repositories are where rows are read and written, so that is where visibility must not be
// forgotten: every exported repository function that touches the database takes a Scope (made
// only from a principal, in visibility.ts), and the type checker makes every route pass one.
// This test fails when a new repository function takes the database but no Scope.

const sources = join(__dirname, '..');

/** Every repository of every resource folder, and the persistence helpers they share. */
function repositoryFiles(): string[] {
  return readdirSync(sources, { recursive: true, encoding: 'utf8' })
    .filter((f) => !f.includes('.test.') && (f.endsWith('.repository.ts') || f.startsWith(`persistence${'/'}`)))
    .map((f) => relative(sources, join(sources, f)));
}

/** Functions that take the database without a Scope, and why that is right. */
const unscoped: Record<string, string> = {
  // Reference data (municipalities, regions) is every organisation's: no rows to hide.
  'reference/reference.repository.ts everyMunicipality': 'shared reference data, kept for everyone alike',
  'reference/reference.repository.ts municipalityExists': 'shared reference data',
  'reference/reference.repository.ts listRegions': 'shared reference data',
  'reference/reference.repository.ts unknownMunicipalityErrors': 'shared reference data',
  // Building blocks run inside a scoped write or read of the record they are about.
  'audit/audit.repository.ts writeAudit': 'written in the transaction of a scoped change',
  'audit/audit.repository.ts auditEntriesAbout': 'read for a record its scoped repository has let through',
  'audit/audit.repository.ts rewriteAuditEntriesAbout': 'run by a scoped erasure',
  'persistence/versioned-change.ts lockVersion': 'takes the reach check of its caller',
  'persistence/repository-helpers.ts actorFacts': 'facts for a visibility decision',
  'persistence/repository-helpers.ts visibleActorIds': 'takes the actor set to filter by',
  'persistence/repository-helpers.ts assertActorExists': 'takes the actor set to filter by',
  'persistence/repository-helpers.ts existingActorIds': 'a reference check inside a scoped write',
  'initiatives/plan-item.repository.ts planItemsOf': "read for an initiative its scoped repository has let through",
  'initiatives/plan-item.repository.ts planItemViolations': 'a reference check inside a scoped write',
  'initiatives/plan-item.repository.ts insertPlanItems': 'written in the transaction of a scoped initiative create',
  'services/service.repository.ts storedWeeklyHours': "reads the opening hours of the service's library inside a scoped write or import",
  'opening-hours/opening-hours.repository.ts alignWeeklyHoursWithTimetables': "a one-off data repair at start (no request): each library's change goes through its own library scope",
  'agreements/agreement.repository.ts signAgreementsAcceptedByAll': 'a one-off data repair at start (no request): each change goes through the system scope (systemScope)',
  // Survey campaigns are the county's alone: the policy admits only county roles, who see all.
  'surveys/survey.repository.ts listSurveys': 'county-only resource (policy)',
  'surveys/survey.repository.ts getSurvey': 'county-only resource (policy)',
  'surveys/survey.repository.ts closeSurvey': 'county-only resource (policy)',
  'surveys/survey.repository.ts unansweredRecipients': 'county-only resource (policy)',
  'surveys/survey.repository.ts previewRecipients': 'county-only resource (policy)',
  // A library's answer is reached by its personal token, which names the one library it may touch.
  'surveys/survey.repository.ts getSurveyForm': 'the token is the scope: one library',
  'surveys/survey.repository.ts answerSurvey': 'the token is the scope: one library',
  // User administration is the county admin's alone (policy), who sees every account.
  'users/user.repository.ts listUsers': 'county-only resource (policy)',
  'users/user.repository.ts getUser': 'county-only resource (policy)',
  'users/user.repository.ts inviteUser': 'county-only resource (policy)',
  'users/user.repository.ts reinviteUser': 'county-only resource (policy)',
  'users/user.repository.ts setMemberships': 'county-only resource (policy)',
  'users/user.repository.ts disableUser': 'county-only resource (policy)',
  'users/user.repository.ts enableUser': 'county-only resource (policy)',
  'users/user.repository.ts endUserSessions': 'county-only resource (policy)',
  // The county's agreement settings: one row every role that reads agreements may read (policy).
  'agreements/agreement-settings.repository.ts getAgreementSettings': 'shared settings, no rows to hide',
  // The user's own setting, keyed by the principal's user id.
  // The students' public finder: only what a library published, for everyone (issue 14).
  'photos/photo.repository.ts publishedPhotosOf': 'published photos only: public',
  'photos/photo.repository.ts publishedPhotoImage': 'published photos only: public',
  'liaison/note.repository.ts getDigestSubscription': "the principal's own row",
  // Whom a library or the county may start a note to: the university libraries' names, public facts.
  'liaison/note.repository.ts listUniversityLibraries': 'names of the university libraries: public',
  // The public student finder and open data (issue 15): what libraries publish, for anyone.
  'public-api/public.repository.ts searchPublicLibraries': 'published data only, for anyone',
  'public-api/public.repository.ts findPublicLibrary': 'published data only, for anyone',
  'public-api/public.repository.ts listPublicStudyCentres': 'published data only, for anyone',
  'public-api/public.repository.ts publishedTimetables': 'published data only, for anyone',
  'brochure/brochure.repository.ts getPublicBrochure': 'published data only, for anyone',
  // Funder report files (issue 17): asked for through the scope (recordReportFile); a file is then the asking organisation's own.
  'reports/report-file.repository.ts findReportFile': "the principal's organisation's own rows",
  'reports/report-file.repository.ts reportFileBytes': "the principal's organisation's own rows",
  'reports/report-file.repository.ts queueReportFile': 'marks a file just recorded through the scope',
  'reports/report-file.repository.ts runReportFileJob': 'the job: reads the report with the scope of who asked, loaded afresh',
  // A calendar app's feed (issue 19): no session, the secret token names the organisation, whose scope is loaded for it.
  'activities/calendar-feed.repository.ts calendarFeedFile': "reads through the scope of the token's organisation (organisationScope)",
  'reports/report-file.repository.ts purgeOldReportFiles': 'the daily clean-up: deletes files past their keeping time, reads nothing out',
  // The user's own account (issue 19): rows keyed by the principal's own user id.
  'account/account.repository.ts notificationSettingsOf': "the principal's own row",
  'account/account.repository.ts inboxMailOf': 'the jobs read whom to mail at once, by user id',
  'account/account.repository.ts setNotificationSettings': "the principal's own row",
  'account/account.repository.ts renameSelf': "the principal's own account",
  'account/account.repository.ts changeOwnPassword': "the principal's own account",
  // The daily job: loads each subscriber's Scope itself (loadScope) before it reads notes.
  'liaison/digest.repository.ts sendLiaisonDigest': 'builds a Scope per subscriber',
};

describe('the repositories', () => {
  it('take a Scope in every exported function that reaches the database', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const file of repositoryFiles()) {
      const source = readFileSync(join(sources, file), 'utf8');
      for (const match of source.matchAll(/export (?:async )?function (\w+)\(([\s\S]*?)\)\s*:/g)) {
        const [, name, params = ''] = match;
        if (!/\b(db|trx): (Executor|Transaction)/.test(params)) continue;
        checked += 1;
        if (/\bscope: Scope\b/.test(params) || unscoped[`${file} ${name}`]) continue;
        missing.push(`${file} ${name}`);
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect(missing, 'give these a `scope: Scope` parameter and apply it (auth/visibility.ts)').toEqual([]);
  });
});
