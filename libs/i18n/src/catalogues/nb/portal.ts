export const portalTexts = {
  portal: {
    title: 'Studiesenterportal',
  },
};
