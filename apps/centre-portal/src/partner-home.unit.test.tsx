import { AuthStore, authHandlers, buildActorDetail, buildMe, buildMembership, buildOwnPlanItem, mswServer, ownPlanItemHandlers, OwnPlanItemStore, renderRoute, type TestAccount } from '@kompetansebro/testing';
import { createRoute } from '@tanstack/react-router';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PartnerHome } from './partner-home';

const careerCentre: TestAccount = {
  email: 'karriere@demo.kompetansebro.no',
  password: 'kompetansebro',
  me: buildMe({ memberships: [buildMembership(buildActorDetail({ kind: 'career_centre', name: 'Karrieresenteret i Trøndelag' }), 'partner_contact')] }),
};

describe('PartnerHome', () => {
  it('marks an overdue plan item "forfalt", as the plan-items page does, and not one due later', async () => {
    const late = buildOwnPlanItem({ title: 'Avtale med bibliotekene', dueDate: '2020-12-31', status: 'planned' });
    const later = buildOwnPlanItem({ title: 'Kurs for rådgivere', dueDate: '2099-12-31', status: 'planned' });
    mswServer.use(...ownPlanItemHandlers(new OwnPlanItemStore([late, later])), ...authHandlers(new AuthStore([careerCentre], { loggedInAs: careerCentre.email })));
    renderRoute({ path: '/', createRoutes: (root) => [createRoute({ getParentRoute: () => root, path: '/', component: PartnerHome })] });

    const lateItem = (await screen.findByRole('link', { name: 'Avtale med bibliotekene' }, { timeout: 5000 })).closest('li');
    expect(lateItem?.textContent).toContain('Frist 31.12.2020 — forfalt');
    expect(screen.getByRole('link', { name: 'Kurs for rådgivere' }).closest('li')?.textContent).not.toContain('forfalt');
  });
});
