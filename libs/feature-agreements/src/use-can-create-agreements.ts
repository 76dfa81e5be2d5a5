import { meQueries } from '@kompetansebro/api-client';
import { can } from '@kompetansebro/domain';
import { useQuery } from '@tanstack/react-query';
import { useAgreementFeature } from './agreement-feature-context';

/**
 * Whether to offer "Ny avtale": the app has the create form and the policy table lets the user's
 * role create agreements (a county viewer or a liaison only reads). The API still decides.
 * Lives in the lazy screens' chunks, not the app shell, since it reads the domain.
 */
export function useCanCreateAgreements(): boolean {
  const { creation } = useAgreementFeature();
  // Without a create form there is nothing to decide, so no need to ask who is logged in.
  const me = useQuery({ ...meQueries.current(), enabled: creation !== null });
  return creation !== null && me.data != null && can(me.data.role, 'agreement', 'create');
}
