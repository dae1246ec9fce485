import { useEffect } from 'react';
import type { TargumDatabase } from '../data/database';
import { useLibrarySetting } from '../data/settings';

/** Applies the chosen theme; "system" leaves it to prefers-color-scheme. */
export function useThemeSetting(db: TargumDatabase): void {
  const [theme] = useLibrarySetting(db, 'theme');
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
    else delete root.dataset.theme;
  }, [theme]);
}
