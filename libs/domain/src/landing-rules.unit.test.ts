import { afterEach, describe, expect, it, vi } from 'vitest';

// The rules the apps' landing pages use load without zod: building zod's schemas cost a phone
// ~0.2 s of main thread on every landing page (issue 18), and none of these pages validates input.
const plainModules = {
  'common/dates': () => import('./common/dates'),
  'agreement/agreement-lifecycle': () => import('./agreement/agreement-lifecycle'),
  'opening-hours/opening-hours-basics': () => import('./opening-hours/opening-hours-basics'),
  'opening-hours/opening-hours.rules': () => import('./opening-hours/opening-hours.rules'),
  'reminder/reminder.rules': () => import('./reminder/reminder.rules'),
};

describe('the rules the landing pages use', () => {
  afterEach(() => {
    vi.doUnmock('zod');
    vi.resetModules();
  });

  it.each(Object.entries(plainModules))('%s loads without zod', async (_name, load) => {
    vi.resetModules();
    vi.doMock('zod', () => {
      throw new Error('zod was loaded');
    });
    await expect(load()).resolves.toBeDefined();
  });

  it('tells when a module does load zod (the check can fail)', async () => {
    vi.resetModules();
    vi.doMock('zod', () => {
      throw new Error('zod was loaded');
    });
    await expect(import('./common/date.schema')).rejects.toThrow();
  });
});
