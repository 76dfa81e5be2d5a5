import { useCan } from '@kompetansebro/api-client';
import { useAgreementFeature } from './agreement-feature-context';

/**
 * Whether to offer "Ny avtale": the app has the create form and the policy table lets the user's
 * role create agreements (a county viewer or a liaison only reads). The API still decides.
 */
export function useCanCreateAgreements(): boolean {
  const { creation } = useAgreementFeature();
  // Without a create form there is nothing to decide, so no need to ask who is logged in.
  return useCan('agreement', 'create', { enabled: creation !== null });
}
