export const liaisonTexts = {
  liaison: {
    title: 'Universitetsbibliotekportal',
  },
};
