import type { NoteThread } from '@kompetansebro/domain';

/** A channel's key and id part: its university library (or "county") and its library or region. */
export function channelKey(thread: Pick<NoteThread, 'universityId' | 'targetActorId' | 'targetRegionId'>): string {
  return `${thread.universityId ?? 'county'}-${thread.targetActorId ?? thread.targetRegionId ?? ''}`;
}
