import type { Catalogue } from '../../catalogue';

export const reportTexts: Pick<Catalogue, 'reports'> = {
  reports: {
    title: 'Rapportar',
  },
};
