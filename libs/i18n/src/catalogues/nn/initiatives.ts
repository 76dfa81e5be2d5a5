import type { Catalogue } from '../../catalogue';

export const initiativeTexts: Pick<Catalogue, 'initiatives'> = {
  initiatives: {
    title: 'Tiltak',
  },
};
