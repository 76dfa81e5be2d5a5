import { inboxSchema, notificationSettingsSchema, passwordChangeSchema, profileUpdateSchema } from '@kompetansebro/domain';
import { principalOf } from '../auth/access-control';
import { scopeOf } from '../auth/visibility';
import { jsonAnswer, jsonBody, routesTagged } from '../http/api-route';
import { createRouter } from '../http/openapi';
import { changeOwnPassword, notificationSettingsOf, renameSelf, setNotificationSettings } from './account.repository';
import { inboxOf, inboxTotal } from './inbox.repository';

const route = routesTagged('Account');
const NotificationSettings = notificationSettingsSchema.meta({ id: 'NotificationSettings' });

const inboxRoute = route('get', '/api/inbox', ['account', 'read'], {
  summary: 'What needs the caller’s organisation now: acceptances asked of it, unread notes, plan items it owns that are due, services to confirm, the survey to answer',
  answers: { 200: jsonAnswer('The inbox, and how many things wait in all', inboxSchema.meta({ id: 'Inbox' })) },
});

const getSettingsRoute = route('get', '/api/me/notification-settings', ['account', 'read'], {
  summary: 'How the caller hears of their inbox by e-mail: immediately, in a daily digest, or never',
  answers: { 200: jsonAnswer('The choice', NotificationSettings) },
});

const putSettingsRoute = route('put', '/api/me/notification-settings', ['account', 'update'], {
  summary: 'Choose how to hear of the inbox by e-mail (counts from the next mail)',
  request: { body: jsonBody(NotificationSettings) },
  answers: { 200: jsonAnswer('The choice', NotificationSettings) },
  problems: [400],
});

const profileRoute = route('put', '/api/me/profile', ['account', 'update'], {
  summary: 'Change the caller’s own name (the e-mail is the login, changed by the county)',
  request: { body: jsonBody(profileUpdateSchema.meta({ id: 'ProfileUpdate' })) },
  answers: { 204: { description: 'Changed; read /api/me again' } },
  problems: [400],
});

const passwordRoute = route('put', '/api/me/password', ['account', 'update'], {
  summary: 'Change the caller’s password, giving the current one; the password policy applies, and the user’s other sessions end',
  request: { body: jsonBody(passwordChangeSchema.meta({ id: 'PasswordChange' })) },
  answers: { 204: { description: 'Changed' } },
  problems: [400],
});

export const accountRouter = createRouter()
  .openapi(inboxRoute, async (c) => {
    const items = await inboxOf(c.get('deps').db, await scopeOf(c));
    return c.json({ items, total: inboxTotal(items) }, 200);
  })
  .openapi(getSettingsRoute, async (c) => c.json(await notificationSettingsOf(c.get('deps').db, principalOf(c).userId), 200))
  .openapi(putSettingsRoute, async (c) => c.json(await setNotificationSettings(c.get('deps').db, principalOf(c).userId, c.req.valid('json')), 200))
  .openapi(profileRoute, async (c) => {
    await renameSelf(c.get('deps').db, principalOf(c).userId, c.req.valid('json').name);
    return c.body(null, 204);
  })
  .openapi(passwordRoute, async (c) => {
    const principal = principalOf(c);
    await changeOwnPassword(c.get('deps').db, principal, c.req.valid('json'), c.get('sessionToken') ?? null);
    return c.body(null, 204);
  });
