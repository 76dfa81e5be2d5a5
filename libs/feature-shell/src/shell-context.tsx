import type { StaffApp } from '@kompetansebro/domain';
import { createContext, useContext } from 'react';

/** The staff apps (domain's staffApps); each has its name and tagline in the catalogues. */
export type AppKey = StaffApp;

export interface ShellSettings {
  app: AppKey;
  contactEmail: string;
}

export const ShellContext = createContext<ShellSettings>({ app: 'countyConsole', contactEmail: '' });

export function useShell(): ShellSettings {
  return useContext(ShellContext);
}
