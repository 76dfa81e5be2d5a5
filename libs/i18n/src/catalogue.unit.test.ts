import { describe, expect, it } from 'vitest';
import { en } from './catalogues/en';
import { nb } from './catalogues/nb';
import { nn } from './catalogues/nn';
import { languages, type Language } from './languages';

type Tree = { [key: string]: unknown };

/** Every namespace file of every language, by path (`./catalogues/nn/actors.json`). */
const files = import.meta.glob<Tree>('./catalogues/*/*.json', { eager: true, import: 'default' });

/** A language's namespace files, by name (`actors`), in name order. */
function namespaces(language: Language): Map<string, Tree> {
  const prefix = `./catalogues/${language}/`;
  return new Map(
    Object.entries(files)
      .filter(([path]) => path.startsWith(prefix))
      .map(([path, tree]): [string, Tree] => [path.slice(prefix.length, -'.json'.length), tree])
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** Every leaf as [dotted key, value]; a list's items are leaves `key.0`, `key.1`, … as i18next addresses them. */
function leaves(tree: unknown, prefix = ''): Array<[string, unknown]> {
  if (tree === null || typeof tree !== 'object') return [[prefix.slice(0, -1), tree]];
  return Object.entries(tree).flatMap(([key, value]) => leaves(value, `${prefix}${key}.`));
}

const texts = (tree: Tree) => new Map(leaves(tree).map(([key, value]) => [key, String(value)]));

/** The {{variables}} and <tags> (of `<Trans>`) a text uses, in order of name: `{{count}} <mail>`. */
const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{\{-?\s*(\w+)[^}]*\}\}|<\/?(\w+)\s*\/?>/g)].map(([, variable, tag]) => (variable ? `{{${variable}}}` : `<${tag}>`)))]
    .sort()
    .join(' ');

/** Texts that are empty on purpose, in every language: a field with no help text. Any other empty text is a missing translation. */
const deliberatelyEmpty = [
  'actorField.updatedAt.help',
  'actorField.createdAt.help',
  'actorField.archivedAt.help',
  'actors.services.field.type.help',
  'actors.services.field.contractRequired.help',
  'actors.services.field.confirmedAt.help',
  'actors.contacts.field.name.help',
  'actors.contacts.field.email.help',
];

const translations = languages.filter((language) => language !== 'nb');
const nbFiles = namespaces('nb');

describe('catalogues', () => {
  it('have the same namespace files in every language', () => {
    expect(nbFiles.size).toBeGreaterThan(0);
    for (const language of translations) expect([...namespaces(language).keys()], language).toEqual([...nbFiles.keys()]);
  });

  it('never repeat a top-level key across one language’s files (joining them would lose one)', () => {
    for (const language of languages) {
      const topLevel = [...namespaces(language).values()].flatMap((tree) => Object.keys(tree));
      expect(topLevel.filter((key, index) => topLevel.indexOf(key) !== index), language).toEqual([]);
    }
  });

  it('hold only texts (strings) and lists of texts', () => {
    for (const language of languages)
      for (const [name, tree] of namespaces(language)) {
        const notText = leaves(tree).filter(([, value]) => typeof value !== 'string');
        expect(notText.map(([key]) => key), `${language}/${name}.json`).toEqual([]);
      }
  });

  it('have in nn and en exactly the keys nb has, file by file', () => {
    for (const language of translations)
      for (const [name, nbTree] of nbFiles) {
        const nbKeys = [...texts(nbTree).keys()];
        const keys = [...texts(namespaces(language).get(name) ?? {}).keys()];
        expect(
          { missing: nbKeys.filter((key) => !keys.includes(key)), notInNb: keys.filter((key) => !nbKeys.includes(key)) },
          `${language}/${name}.json`,
        ).toEqual({ missing: [], notInNb: [] });
      }
  });

  it('leave no text empty but the deliberately empty ones, in any language', () => {
    for (const language of languages) {
      const empty = [...namespaces(language).values()].flatMap((tree) =>
        [...texts(tree)].filter(([, text]) => text.trim() === '').map(([key]) => key),
      );
      expect(empty.sort(), language).toEqual([...deliberatelyEmpty].sort());
    }
  });

  it('use the same {{variables}} and <tags> for a key in every language', () => {
    for (const language of translations)
      for (const [name, nbTree] of nbFiles) {
        const translated = texts(namespaces(language).get(name) ?? {});
        const differing = [...texts(nbTree)]
          .filter(([key, text]) => translated.has(key) && placeholders(translated.get(key) ?? '') !== placeholders(text))
          .map(([key, text]) => `${key}: nb "${placeholders(text)}", ${language} "${placeholders(translated.get(key) ?? '')}"`);
        expect(differing, `${language}/${name}.json`).toEqual([]);
      }
  });

  it('are loaded as one catalogue a language, holding every file’s texts', () => {
    for (const [language, catalogue] of Object.entries({ nb, nn, en }) as Array<[Language, Tree]>) {
      const fromFiles = [...namespaces(language).values()].flatMap((tree) => leaves(tree));
      expect(leaves(catalogue).sort(([a], [b]) => a.localeCompare(b)), language).toEqual(fromFiles.sort(([a], [b]) => a.localeCompare(b)));
    }
  });
});
