// The codes of the opening-hours rules, without the schemas: the forms' error texts (ui) know them,
// and every screen that can show an error should not build the opening-hours schemas for it.
export const openingHoursErrorCodes = {
  endBeforeStart: 'end_before_start',
  overlap: 'overlapping_periods',
  duplicateDate: 'duplicate_date',
  invalidOsm: 'invalid_opening_hours',
} as const;
