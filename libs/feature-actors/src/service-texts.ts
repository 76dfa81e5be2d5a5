import { audienceSchema, serviceHoursSchema, serviceTypeSchema } from '@kompetansebro/domain';
import { useTranslation } from 'react-i18next';
import type { ServiceFormField, ServiceFormValues } from './service-form-values';

/** A form value as a person reads it (names, not codes), for the list of what someone else changed. */
export function useServiceValueText() {
  const { t } = useTranslation();
  return (field: ServiceFormField, values: ServiceFormValues): string => {
    const value = values[field].trim();
    if (field === 'contractRequired') return value === 'true' ? t('common.yes') : t('common.no');
    if (value === '') return t('common.notProvided');
    if (field === 'type') {
      const type = serviceTypeSchema.safeParse(value);
      return type.success ? t(`serviceType.${type.data}`) : value;
    }
    if (field === 'hours') {
      const hours = serviceHoursSchema.safeParse(value);
      return hours.success ? t(`actors.services.hours.${hours.data}`) : value;
    }
    if (field === 'audiences') {
      return value
        .split(',')
        .map((code) => {
          const audience = audienceSchema.safeParse(code);
          return audience.success ? t(`actors.services.audience.${audience.data}`) : code;
        })
        .join(', ');
    }
    return value;
  };
}
