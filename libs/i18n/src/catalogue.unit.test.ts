import { describe, expect, it } from 'vitest';
import { en } from './catalogues/en';
import { nb } from './catalogues/nb';
import { nn } from './catalogues/nn';

type Tree = { [key: string]: string | readonly string[] | Tree };

/** Every leaf as [dotted key, text]; an array counts as one leaf, its texts joined. */
function leaves(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]): Array<[string, string]> => {
    if (typeof value === 'string') return [[`${prefix}${key}`, value]];
    if (Array.isArray(value)) return [[`${prefix}${key}`, value.join('\n')]];
    return leaves(value as Tree, `${prefix}${key}.`);
  });
}

const leafKeys = (tree: Tree) => leaves(tree).map(([key]) => key).sort();

/** "key:var1,var2" for every leaf, to compare the {{variables}} each text uses. */
const interpolations = (tree: Tree) =>
  leaves(tree)
    .map(([key, text]) => `${key}:${[...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort().join(',')}`)
    .sort();

describe('catalogues', () => {
  it('have the same keys in nb, nn and en', () => {
    expect(leafKeys(nn)).toEqual(leafKeys(nb));
    expect(leafKeys(en)).toEqual(leafKeys(nb));
  });

  it('use the same interpolation variables in every language', () => {
    expect(interpolations(nn)).toEqual(interpolations(nb));
    expect(interpolations(en)).toEqual(interpolations(nb));
  });
});
