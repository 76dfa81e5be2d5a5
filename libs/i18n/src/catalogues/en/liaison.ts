import type { Catalogue } from '../../catalogue';

export const liaisonTexts: Pick<Catalogue, 'liaison'> = {
  liaison: {
    title: 'University library portal',
  },
};
