export const activityTexts = {
  activities: {
    title: 'Aktiviteter',
  },
};
