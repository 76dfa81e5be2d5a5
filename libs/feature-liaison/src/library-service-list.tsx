import type { LiaisonLibrary } from '@kompetansebro/domain';
import { useTranslation } from 'react-i18next';

/** A library's key student services as a plain list (text, not colour), with how they are open. */
export function LibraryServiceList({ services }: { services: LiaisonLibrary['services'] }) {
  const { t } = useTranslation();
  if (services.length === 0) return <span>{t('liaison.libraries.noServices')}</span>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: "1.1em" }}>
      {services.map((service) => (
        <li key={service.id}>
          {t(`serviceType.${service.type}`)}
          {service.hours ? ` (${t(`liaison.hours.${service.hours}`)})` : ''}
        </li>
      ))}
    </ul>
  );
}
