import { buildCoverage, coverageHandlers, mswServer, referenceHandlers, renderRoute, testRegions } from '@kompetansebro/testing';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createCoverageRoute } from './agreement-routes';

const AGREEMENT = '00000000-0000-4000-8000-0000000000a1';
const NAMSOS = '00000000-0000-4000-8000-000000000001';
const BRANCH = '00000000-0000-4000-8000-000000000002';

const library = (id: string, name: string, extra: Record<string, unknown>) => ({
  id,
  name,
  kind: 'public_library' as const,
  covered: false,
  coveredThroughMainLibrary: false,
  agreements: [],
  committedServices: [],
  offeredServices: [],
  commitments: [],
  ...extra,
});

const coverage = buildCoverage({
  municipalities: [
    {
      number: '5007',
      name: 'Namsos',
      covered: true,
      libraries: [
        library(NAMSOS, 'Namsos bibliotek', {
          covered: true,
          agreements: [{ id: AGREEMENT, title: 'Namdal-avtalen', status: 'active' }],
          committedServices: ['study_places'],
          offeredServices: ['study_places', 'printing_scanning'],
          commitments: [{ type: 'study_places', agreementId: AGREEMENT, agreementTitle: 'Namdal-avtalen' }],
        }),
        library(BRANCH, 'Namdalseid filial', { kind: 'library_branch', offeredServices: ['study_places'] }),
      ],
    },
    { number: '5049', name: 'Flatanger', covered: false, libraries: [] },
  ],
  summary: { municipalities: 2, coveredMunicipalities: 1, libraries: 2, coveredLibraries: 1, share: 0.5 },
});

describe('CoveragePage, services per municipality', () => {
  it('shows for each municipality and service who gives it and under which agreement, as text and links', async () => {
    mswServer.use(...referenceHandlers(), ...coverageHandlers({ [testRegions.namdal.id]: coverage }));
    renderRoute({
      path: `/dekning?region=${testRegions.namdal.id}`,
      createRoutes: (root) => [createCoverageRoute(root, { path: 'dekning', agreementPath: '/avtaler/$id', actorPath: '/aktorer/$id' })],
    });

    const table = await screen.findByRole('table', { name: 'Tjenester per kommune i Namdal' }, { timeout: 5000 });
    const scroll = screen.getByRole('region', { name: 'Tjenester per kommune (tabellen kan rulles sidelengs)' });
    expect(scroll.getAttribute('tabindex')).toBe('0');
    const headers = within(table).getAllByRole('columnheader').map((cell) => cell.textContent);
    expect(headers.slice(0, 3)).toEqual(['Kommune', 'Lesesalsplasser', 'Eksamensvakt']);

    const namsos = within(table).getByRole('row', { name: /^Namsos/ });
    const cells = within(namsos).getAllByRole('cell');
    const column = (name: string) => cells[headers.indexOf(name) - 1] as HTMLElement;
    // Study places: agreed (Namsos under the agreement), and the branch offers them without one.
    expect(column('Lesesalsplasser').textContent).toBe('AvtaltNamsos bibliotek, avtale: Namdal-avtalenNamdalseid filial');
    expect(within(column('Lesesalsplasser')).getByRole('link', { name: 'avtale: Namdal-avtalen' }).getAttribute('href')).toBe(`/avtaler/${AGREEMENT}`);
    expect(within(column('Lesesalsplasser')).getByRole('link', { name: 'Namdalseid filial' }).getAttribute('href')).toBe(`/aktorer/${BRANCH}`);
    expect(column('Utskrift og skanning').textContent).toBe('Uten avtaleNamsos bibliotek');
    expect(column('Eksamensvakt').textContent).toBe('Ingen');

    const flatanger = within(table).getByRole('row', { name: /^Flatanger/ });
    expect(within(flatanger).getAllByRole('cell').every((cell) => cell.textContent === 'Ingen')).toBe(true);
  });
});
