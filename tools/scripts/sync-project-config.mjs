#!/usr/bin/env node
// Keeps the TypeScript project references (`tsc -b`) in step with the imports in the code.
//
//   node tools/scripts/sync-project-config.mjs          writes the tsconfig files
//   node tools/scripts/sync-project-config.mjs --check  fails if any would change
//
// Every Nx project (a folder with a project.json under apps/, libs/ or tools/) gets:
//   - a library: tsconfig.lib.json (composite: its sources, emitting declarations into
//     tmp/tsc/<root>/lib, so a dependant reads the declarations instead of re-checking the
//     sources), tsconfig.spec.json (its *.test.ts(x) files, checked only, never referenced) and
//     tsconfig.json (solution file: references both, and carries `paths` for Vite and editors);
//   - an app or tool: one tsconfig.json (checked only; nothing imports it);
//   - in project.json, a `test` target if it has *.unit.test.ts(x) files and a `test-int` target
//     if it has *.int.test.ts files (nx.json targetDefaults say how they run).
// The references are derived from the `@kompetansebro/*` imports of the files each one holds,
// mapped to projects through tsconfig.base.json `paths`. The root tsconfig.json references
// every project, so `tsc -b` checks the workspace, each project once.
//
// Hand-written settings stay: only `references` (and a missing spec/lib file) are generated.
// Per-project `types` and `lib` live in the project's tsconfig.lib.json (or tsconfig.json for
// apps); a new spec file copies them from the lib file.
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const check = process.argv.includes('--check');
const posix = (p) => p.split(sep).join('/');
const TEST = /\.test\.tsx?$/;

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

// Projects: every folder under apps/, libs/, tools/ with a project.json.
const projects = [];
for (const group of ['apps', 'libs', 'tools']) {
  for (const name of readdirSync(join(root, group)).sort()) {
    const dir = join(root, group, name);
    if (!existsSync(join(dir, 'project.json'))) continue;
    const project = readJson(join(dir, 'project.json'));
    const isLib = group === 'libs';
    projects.push({ name: project.name, dir, root: posix(relative(root, dir)), isLib });
  }
}

// Alias → project, from the base config's `paths`.
const basePaths = readJson(join(root, 'tsconfig.base.json')).compilerOptions.paths ?? {};
const aliasToProject = new Map();
for (const [alias, [target]] of Object.entries(basePaths)) {
  const file = resolve(root, target);
  const owner = projects.find((p) => file.startsWith(p.dir + sep));
  if (owner) aliasToProject.set(alias, owner);
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](@kompetansebro\/[A-Za-z0-9/_-]+)['"]/g;

function importedProjects(files, self) {
  const found = new Set();
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = aliasToProject.get(match[1]);
      if (!target) throw new Error(`${posix(relative(root, file))}: no tsconfig.base.json path for ${match[1]}`);
      if (target !== self) found.add(target);
    }
  }
  return [...found].sort((a, b) => a.root.localeCompare(b.root));
}

const changed = [];
const stale = [];
function write(file, json) {
  const text = JSON.stringify(json, null, 2) + '\n';
  const before = existsSync(file) ? readFileSync(file, 'utf8') : null;
  if (before === text) return;
  changed.push(posix(relative(root, file)));
  if (!check) writeFileSync(file, text);
}

/** A reference to a library's declarations (its tsconfig.lib.json). */
const refTo = (from, p) => {
  const path = posix(relative(from, join(p.dir, 'tsconfig.lib.json')));
  return { path: path.startsWith('..') ? path : `./${path}` };
};

// Imports per project: of its sources, and of its test files.
for (const project of projects) {
  const files = walk(project.dir).filter((f) => /\.tsx?$/.test(f));
  project.sources = files.filter((f) => !TEST.test(f));
  project.tests = files.filter((f) => TEST.test(f));
  project.sourceDeps = importedProjects(project.sources, project);
  project.testDeps = importedProjects(project.tests, project);
  for (const dep of [...project.sourceDeps, ...project.testDeps]) {
    if (!dep.isLib) throw new Error(`${project.root} imports the app/tool ${dep.root}`);
  }
  // A library's tests sit in its composite project (one program: cheaper) unless that makes a
  // cycle of references (its tests import something that depends on the library): then they
  // get their own tsconfig.spec.json.
  project.splitTests = false;
}
const libRefs = (p) => (p.splitTests ? p.sourceDeps : [...new Set([...p.sourceDeps, ...p.testDeps])]);
function reaches(from, target, seen = new Set()) {
  if (from === target) return true;
  if (seen.has(from)) return false;
  seen.add(from);
  return libRefs(from).some((d) => reaches(d, target, seen));
}
for (let changedSplit = true; changedSplit; ) {
  changedSplit = false;
  for (const p of projects.filter((q) => q.isLib && !q.splitTests)) {
    if (p.testDeps.some((d) => reaches(d, p))) {
      p.splitTests = true;
      changedSplit = true;
    }
  }
}
const byRoot = (list) => [...new Set(list)].sort((a, b) => a.root.localeCompare(b.root));

for (const project of projects) {
  const { sources, tests } = project;
  if (!project.isLib) {
    // An app or tool: one checked-only project over all its files.
    const file = join(project.dir, 'tsconfig.json');
    const config = readJson(file);
    config.references = byRoot([...project.sourceDeps, ...project.testDeps]).map((d) => refTo(project.dir, d));
    write(file, config);
    continue;
  }

  const libFile = join(project.dir, 'tsconfig.lib.json');
  const specFile = join(project.dir, 'tsconfig.spec.json');
  const lib = readJson(libFile);
  lib.references = byRoot(libRefs(project)).map((d) => refTo(project.dir, d));
  if (project.splitTests) lib.exclude = ['src/**/*.test.ts', 'src/**/*.test.tsx'];
  else delete lib.exclude;
  write(libFile, lib);

  const solution = { extends: '../../tsconfig.base.json', files: [], references: [{ path: './tsconfig.lib.json' }] };
  if (project.splitTests && tests.length > 0) {
    const spec = existsSync(specFile)
      ? readJson(specFile)
      : {
          extends: '../../tsconfig.base.json',
          compilerOptions: {
            noEmit: true,
            incremental: true,
            tsBuildInfoFile: `../../tmp/tsc/${project.root}/spec.tsbuildinfo`,
            types: lib.compilerOptions?.types ?? [],
            lib: lib.compilerOptions?.lib ?? ['ES2023'],
          },
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
        };
    // The spec files see their own library's declarations and whatever the tests import.
    spec.references = byRoot([project, ...project.sourceDeps, ...project.testDeps]).map((d) => refTo(project.dir, d));
    write(specFile, spec);
    solution.references.push({ path: './tsconfig.spec.json' });
  } else if (existsSync(specFile)) {
    stale.push(specFile);
  }
  write(join(project.dir, 'tsconfig.json'), solution);
}

// The Nx test targets follow the test files: `test` (Vitest projects unit + component) where there
// are *.unit.test.ts(x) files, `test-int` where there are *.int.test.ts files; no empty runs.
for (const project of projects) {
  const file = join(project.dir, 'project.json');
  const config = readJson(file);
  const targets = { ...config.targets };
  const has = (pattern) => project.tests.some((f) => pattern.test(f));
  for (const [target, pattern] of [['test', /\.unit\.test\.tsx?$/], ['test-int', /\.int\.test\.ts$/]]) {
    if (has(pattern)) targets[target] ??= {};
    else delete targets[target];
  }
  config.targets = targets;
  write(file, config);
}

write(join(root, 'tsconfig.json'), {
  extends: './tsconfig.base.json',
  files: [],
  references: projects.map((p) => ({ path: `./${p.root}` })),
});

for (const file of stale) {
  changed.push(`${posix(relative(root, file))} (removed: the tests are in tsconfig.lib.json)`);
  if (!check) rmSync(file);
}
if (check && changed.length > 0) {
  console.error(`The TypeScript project references are out of date in:\n  ${changed.join('\n  ')}\nRun: node tools/scripts/sync-project-config.mjs`);
  process.exit(1);
}
if (!check) console.log(changed.length ? `Updated:\n  ${changed.join('\n  ')}` : 'Project references are up to date.');
