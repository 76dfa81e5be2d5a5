import type { Catalogue } from '../../catalogue';

export const surveyTexts: Pick<Catalogue, 'survey'> = {
  survey: {
    title: 'Tenesteundersøking',
  },
};
