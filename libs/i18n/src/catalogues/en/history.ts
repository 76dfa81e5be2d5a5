import type { Catalogue } from '../../catalogue';

export const historyTexts: Pick<Catalogue, 'history'> = {
  history: {
    title: 'History',
  },
};
