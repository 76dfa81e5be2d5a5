import { mailOutSchema, surveyDetailSchema, surveyFormSchema, type MailOut, type SurveyDetail, type SurveyForm } from '@kompetansebro/domain';

/** A library's answer form as `GET /api/survey-form?token=` answers it, parsed through the domain schema. */
export function buildSurveyForm(overrides: Partial<SurveyForm> = {}): SurveyForm {
  return surveyFormSchema.parse({
    surveyName: 'Tjenester 2027',
    deadline: '2199-06-30',
    actorName: 'Namsos bibliotek',
    answeredAt: null,
    services: [
      {
        id: '5e1f0000-0000-4000-8000-000000000001',
        type: 'group_rooms',
        hours: 'staffed',
        weeklyHours: 40,
        contractRequired: false,
        note: null,
        confirmedAt: '2025-09-01',
        version: 3,
      },
    ],
    openingHours: {
      weekly: (['mo', 'tu', 'we', 'th', 'fr'] as const).map((weekday) => ({ weekday, kind: 'staffed', from: '10:00', to: '16:00' })),
      version: 2,
    },
    ...overrides,
  });
}

/** A campaign as `GET /api/surveys/{id}` answers it: three libraries in two regions, one answered. */
export function buildSurveyDetail(overrides: Partial<SurveyDetail> = {}): SurveyDetail {
  const namdal = '4e900000-0000-4000-8000-000000000001';
  const innherred = '4e900000-0000-4000-8000-000000000002';
  const recipient = (n: number, actorName: string, regionId: string, regionName: string, answered: boolean) => ({
    actorId: `5a000000-0000-4000-8000-00000000000${n}`,
    actorName,
    actorKind: 'public_library',
    regionId,
    regionName,
    email: `post${n}@bibliotek.test`,
    mailedAt: '2026-11-01T10:00:00.000Z',
    remindedAt: null,
    answeredAt: answered ? '2026-11-05T10:00:00.000Z' : null,
    answeredBy: answered ? 'Kari Nordmann' : null,
  });
  return surveyDetailSchema.parse({
    id: '5b000000-0000-4000-8000-000000000001',
    name: 'Tjenester 2027',
    deadline: '2199-06-30',
    includeBranches: false,
    status: 'open',
    closedAt: null,
    recipients: 3,
    answered: 1,
    version: 1,
    createdAt: '2026-11-01T10:00:00.000Z',
    regions: [
      { regionId: innherred, regionName: 'Innherred', recipients: 1, answered: 0 },
      { regionId: namdal, regionName: 'Namdal', recipients: 2, answered: 1 },
    ],
    recipientList: [
      recipient(1, 'Namsos bibliotek', namdal, 'Namdal', true),
      recipient(2, 'Grong bibliotek', namdal, 'Namdal', false),
      recipient(3, 'Steinkjer bibliotek', innherred, 'Innherred', false),
    ],
    ...overrides,
  });
}

let mailOutNumber = 0;

/** A campaign's mail-out as `GET /api/surveys/{id}/mail-outs` lists it: by default the invitations to three libraries, all sent. */
export function buildMailOut(overrides: Partial<MailOut> = {}): MailOut {
  mailOutNumber += 1;
  return mailOutSchema.parse({
    id: `3a110000-0000-4000-8000-${String(mailOutNumber).padStart(12, '0')}`,
    surveyId: '5b000000-0000-4000-8000-000000000001',
    kind: 'invitation',
    status: 'sent',
    total: 3,
    sent: 3,
    failed: 0,
    withoutAddress: 0,
    attempts: 1,
    error: null,
    createdAt: '2026-12-01T09:00:00.000Z',
    updatedAt: '2026-12-01T09:00:05.000Z',
    ...overrides,
  });
}
