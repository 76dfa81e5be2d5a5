import { describe, expect, it } from 'vitest';
import { auditListQuerySchema } from './audit-list.schema';

describe('auditListQuerySchema', () => {
  it('takes a kind of record and a page, and refuses what is not one', () => {
    expect(auditListQuerySchema.parse({ entity: 'actor', page: '2' })).toMatchObject({ entity: 'actor', page: 2 });
    expect(auditListQuerySchema.safeParse({ entity: 'Not a kind' }).success).toBe(false);
    expect(auditListQuerySchema.safeParse({ page: '0' }).success).toBe(false);
    expect(auditListQuerySchema.parse({})).toMatchObject({ page: 1 });
  });
});
