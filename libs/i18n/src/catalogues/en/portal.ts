import type { Catalogue } from '../../catalogue';

export const portalTexts: Pick<Catalogue, 'portal'> = {
  portal: {
    title: 'Study centre portal',
  },
};
