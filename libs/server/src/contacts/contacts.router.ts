import { accessOf, scopeOf } from '../auth/visibility';
import { z } from 'zod';
import {
  contactCreateSchema,
  contactListQuerySchema,
  contactSummarySchema,
  contactUpdateSchema,
  pageSchema,
  type ContactSummary,
} from '@kompetansebro/domain';
import { changeRecord, createRecord, exportRows, readRecord, removeRecord } from '../http/record-handlers';
import { contentDisposition, type ExportColumn } from '../http/export';
import { recordRoutes } from '../http/record-routes';
import { jsonAnswer, routesTagged } from '../http/api-route';
import { createRouter, idParamsSchema } from '../http/openapi';
import { createContact, deleteContact, eraseContact, getContact, listContacts, personalDataOf, updateContact } from './contact.repository';
import { auditEntrySchema } from '../audit/audit.router';

const Contact = contactSummarySchema.meta({ id: 'Contact' });
const ContactPage = pageSchema(Contact).meta({ id: 'ContactPage' });
const ContactCreate = contactCreateSchema.meta({ id: 'ContactCreate' });
const ContactUpdate = contactUpdateSchema.meta({ id: 'ContactUpdate' });
const ContactPersonalData = z
  .object({ exportedAt: z.iso.datetime({ offset: true }), contact: Contact, auditEntries: z.array(auditEntrySchema) })
  .meta({ id: 'ContactPersonalData' });
const ErasureReceipt = z
  .object({
    id: z.uuid(),
    erasedAt: z.iso.datetime({ offset: true }),
    recordDeleted: z.boolean(),
    auditEntriesRedacted: z.number().int().min(0),
    tracesCleared: z.number().int().min(0).meta({ description: 'Copies of the e-mail or name cleared elsewhere: recipient lists, confirmedBy, answeredBy, other audit entries' }),
  })
  .meta({ id: 'ErasureReceipt' });
const tags = ['Contacts'];

const contactRoutes = recordRoutes({ path: '/api/contacts', policy: 'contact', tags, record: Contact });
const listRoute = contactRoutes.list(
  contactListQuerySchema,
  ContactPage,
  'List contact persons: search name, e-mail, role or actor; filter by actor; sort in Norwegian order',
  'A page of contacts',
);
const exportRoute = contactRoutes.export(contactListQuerySchema, 'Every contact the filters select, as CSV or XLSX');
const getRoute = contactRoutes.get('One contact person', 'The contact');
const createContactRoute = contactRoutes.create(ContactCreate, 'Add a contact person at an actor');
const updateRoute = contactRoutes.update(ContactUpdate, 'Change some fields of a contact (If-Match required)');
const deleteRoute = contactRoutes.remove('Delete a contact (If-Match required); the audit log keeps the fact, not the personal data');

const exportColumns: ExportColumn<ContactSummary>[] = [
  { header: 'Navn', value: (c) => c.name },
  { header: 'Rolle', value: (c) => c.role },
  { header: 'Aktør', value: (c) => c.actorName },
  { header: 'E-post', value: (c) => c.email },
  { header: 'Telefon', value: (c) => c.phone },
  { header: 'Sist endret', value: (c) => c.updatedAt },
];

const route = routesTagged(...tags);

const personalDataRoute = route('get', '/api/contacts/{id}/personal-data', ['contact', 'export'], {
  summary: 'Everything stored about the person (GDPR art. 15): the record and the audit entries about it, as a JSON download',
  request: { params: idParamsSchema },
  answers: { 200: jsonAnswer('The personal data, as an attachment', ContactPersonalData) },
  problems: [400, 404],
});

const eraseRoute = route('post', '/api/contacts/{id}/erase', ['contact', 'delete'], {
  summary: 'Erase the person (GDPR art. 17): delete the record, redact every audit entry about it, and clear her e-mail and name wherever the personal-data register says they are copied',
  request: { params: idParamsSchema },
  answers: { 200: jsonAnswer('Erased', ErasureReceipt) },
  problems: [400, 404],
});

export const contactsRouter = createRouter()
  .openapi(listRoute, async (c) => {
    return c.json(await listContacts(c.get('deps').db, await scopeOf(c), c.req.valid('query')), 200);
  })
  // Before /api/contacts/{id}, so "export" is not read as an id.
  .openapi(exportRoute, (c) =>
    exportRows(c, c.req.valid('query'), { name: 'kontaktpersoner', columns: exportColumns }, async (db, scope, query) => (await listContacts(db, scope, query)).items),
  )
  .openapi(getRoute, (c) => readRecord(c, (db, scope) => getContact(db, scope, c.req.valid('param').id)))
  .openapi(createContactRoute, (c) =>
    createRecord(c, ({ db, scope, change }) => createContact(db, scope, c.req.valid('json'), change), (contact) => `/api/contacts/${contact.id}`),
  )
  .openapi(updateRoute, (c) =>
    changeRecord(c, ({ db, scope, change }, version) => updateContact(db, scope, c.req.valid('param').id, c.req.valid('json'), version, change)),
  )
  .openapi(deleteRoute, (c) => removeRecord(c, ({ db, scope, change }, version) => deleteContact(db, scope, c.req.valid('param').id, version, change)))
  .openapi(personalDataRoute, async (c) => {
    const data = await personalDataOf(c.get('deps').db, await scopeOf(c), c.req.valid('param').id);
    c.header('Content-Disposition', contentDisposition(`personopplysninger-${data.contact.id}.json`));
    c.header('Cache-Control', 'no-store');
    return c.json(data, 200);
  })
  .openapi(eraseRoute, async (c) => {
    const { scope, change } = await accessOf(c);
    return c.json(await eraseContact(c.get('deps').db, scope, c.req.valid('param').id, change), 200);
  });
