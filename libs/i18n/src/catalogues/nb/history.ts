export const historyTexts = {
  history: {
    title: 'Historikk',
  },
};
