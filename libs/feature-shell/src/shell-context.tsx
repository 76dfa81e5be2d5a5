import { createContext, useContext } from 'react';

/** The three staff apps; each has its name, tagline and "coming soon" texts in the catalogues. */
export type AppKey = 'countyConsole' | 'centrePortal' | 'universityLiaison';

export interface ShellSettings {
  app: AppKey;
  contactEmail: string;
}

export const ShellContext = createContext<ShellSettings>({ app: 'countyConsole', contactEmail: '' });

export function useShell(): ShellSettings {
  return useContext(ShellContext);
}
