export const reportTexts = {
  reports: {
    title: 'Rapporter',
  },
};
