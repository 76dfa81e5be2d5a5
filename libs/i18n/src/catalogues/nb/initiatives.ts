export const initiativeTexts = {
  initiatives: {
    title: 'Tiltak',
  },
};
