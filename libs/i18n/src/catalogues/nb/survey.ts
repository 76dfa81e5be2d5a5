export const surveyTexts = {
  survey: {
    title: 'Tjenesteundersøkelse',
  },
};
