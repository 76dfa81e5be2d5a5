import type { Catalogue } from '../../catalogue';

export const activityTexts: Pick<Catalogue, 'activities'> = {
  activities: {
    title: 'Aktivitetar',
  },
};
