import { activityDetailSchema, totalHeadCount, type ActivityDetail, type ActivityParticipant } from '@kompetansebro/domain';
import { idSequence, sequentialUuid, TIMESTAMP } from './ids';

/** A fresh id for an activity in a test. */
export const nextActivityId = idSequence(7);

/**
 * An activity as its page shows it: the county library's interlibrary-loan webinar of
 * 3 February 2026 unless told otherwise. The participant count and total head count follow
 * `participants`. Parsed with the domain's schema, so a mock cannot drift from the API.
 */
export function buildActivityDetail(overrides: Partial<ActivityDetail> = {}): ActivityDetail {
  const participants: ActivityParticipant[] = overrides.participants ?? [];
  return activityDetailSchema.parse({
    id: nextActivityId(),
    kind: 'webinar',
    title: 'Webinar: Fjernlån i praksis',
    description: null,
    startDate: '2026-02-03',
    endDate: null,
    startTime: null,
    endTime: null,
    place: null,
    onlineUrl: null,
    organiserId: sequentialUuid(4, 2),
    organiserName: 'Trøndelag fylkesbibliotek',
    topics: [],
    outcome: null,
    links: [],
    sampleData: false,
    version: 1,
    createdAt: TIMESTAMP,
    updatedAt: TIMESTAMP,
    participantCount: participants.length,
    totalHeadCount: totalHeadCount(participants),
    ...overrides,
    participants,
  });
}
