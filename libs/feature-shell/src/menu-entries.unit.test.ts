import { describe, expect, it } from 'vitest';
import { menuEntries, type NavigationItem } from './app-layout';

const item = (to: string, group?: NavigationItem['group']): NavigationItem => ({ to, label: 'shell.navigation.overview', ...(group ? { group } : {}) });

describe('the main menu’s entries', () => {
  it('lists six entries or fewer as they are, whatever their groups', () => {
    const items = [item('/'), item('/a', 'cooperation'), item('/b', 'cooperation'), item('/c', 'register'), item('/d'), item('/e')];
    expect(menuEntries(items)).toEqual(items.map((entry) => ({ item: entry })));
  });

  it('gathers more than six under their groups, each group where its first entry stands', () => {
    const items = [item('/'), item('/avtaler', 'cooperation'), item('/aktiviteter', 'activity'), item('/dekning', 'cooperation'), item('/aktorer', 'register'), item('/tiltak', 'activity'), item('/kommuner', 'register')];
    expect(menuEntries(items).map((entry) => ('item' in entry ? entry.item.to : `${entry.group}: ${entry.items.map((i) => i.to).join(' ')}`))).toEqual([
      '/',
      'cooperation: /avtaler /dekning',
      'activity: /aktiviteter /tiltak',
      'register: /aktorer /kommuner',
    ]);
  });
});
