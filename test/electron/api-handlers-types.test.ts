// A missing or mistyped TahrirApi operation is a compile error where a host builds its handler
// table, not an "operation not available" answer at run time: small files built as main.ts,
// serve.ts and backend.ts build theirs are type-checked with the project's own compiler options.
import { beforeAll, describe, expect, it } from 'vitest';
import { typeErrors as typeErrorsWith } from '../lint/type-errors';

/** The type errors of each fixture, as if it were the file electron/<name>, checked as electron/ is. */
function typeErrors(fixtures: Record<string, string>): Record<string, string[]> {
  return typeErrorsWith(
    'tsconfig.electron.json',
    Object.fromEntries(Object.entries(fixtures).map(([name, code]) => [`electron/${name}`, code])),
  );
}

const HOST = `
import { TahrirError } from '../shared/errors';
import { apiHandlers } from './host-policy';
import type { HostOperations } from './host-policy';
import { Backend } from './backend';
declare const backend: Backend;
export const handlers = apiHandlers({
  backend: () => backend,
  operations: {
    async openWorkspace() { throw new TahrirError('invalid-argument', 'one folder'); },
    async chooseWorkspace() { return null; },
    async recentWorkspaces() { return []; },
    async chooseExportDestination(format) { return format; },
    async chooseImportSource() { return null; },
    OPEN_EXTERNAL
  } satisfies HostOperations,
});
`;
const withOpenExternal = (code: string) => HOST.replace('OPEN_EXTERNAL', code);

const table = (suggest: string) => `
  import type { ApiHandlers } from '../shared/api';
  import type { Backend } from './backend';
  declare const b: Backend;
  export const t = {
    getWorkspace: () => b.getWorkspace(), openWorkspace: () => b.getWorkspace(), chooseWorkspace: async () => null,
    startEditor: (last) => b.startEditor(last),
    recentWorkspaces: async () => [], listDocuments: () => b.listDocuments(), listedDocuments: () => b.listedDocuments(), searchDocuments: (w) => b.searchDocuments(w), corpusProgress: () => b.corpusProgress(), openDocument: (id) => b.openDocument(id),
    saveSidecar: (id, s, r) => b.saveSidecar(id, s, r), writeRecovery: (id, s) => b.writeRecovery(id, s),
    discardRecovery: (id) => b.discardRecovery(id), ${suggest}
    chooseExportDestination: async () => null, startExport: (r) => b.startExport(r), cancelExport: (j) => b.cancelExport(j),
    chooseImportSource: async () => null, importAnnotations: (r) => b.importAnnotations(r), cancelImport: () => b.cancelImport(), openExternal: async () => {},
    siteTemplateLines: () => b.siteTemplateLines(), addBoilerplateRule: (r) => b.addBoilerplateRule(r),
    suggestAnnotations: (id) => b.suggestAnnotations(id), sync: (r) => b.sync(r), syncStatus: (a) => b.syncStatus(a),
    annotationSuggestionChanges: (id, since) => b.annotationSuggestionChanges(id, since),
    agreementVersions: () => b.agreementVersions(),
    measureAgreement: (v) => b.measureAgreement(v), openCuration: (id, v) => b.openCuration(id, v),
  } satisfies ApiHandlers;`;

/** A Backend-like class answering `operations` of the Backend's (each as the real Backend does). */
const backendClass = (operations: string[]) => `
  import type { BackendOperations } from './host-policy';
  import type { Backend } from './backend';
  declare const real: Backend;
  export class Partial implements BackendOperations {
    ${operations.map((op) => `${op} = real.${op}.bind(real);`).join('\n    ')}
  }`;
const BACKEND_METHODS = [
  'getWorkspace',
  'startEditor',
  'listDocuments',
  'listedDocuments',
  'searchDocuments',
  'corpusProgress',
  'openDocument',
  'saveSidecar',
  'writeRecovery',
  'discardRecovery',
  'suggest',
  'startExport',
  'cancelExport',
  'importAnnotations',
  'cancelImport',
  'siteTemplateLines',
  'addBoilerplateRule',
  'suggestAnnotations',
  'annotationSuggestionChanges',
  'agreementVersions',
  'measureAgreement',
  'openCuration',
  'sync',
  'syncStatus',
];

let errors: Record<string, string[]>;
beforeAll(() => {
  errors = typeErrors({
    'host-complete.ts': withOpenExternal('async openExternal(_url: string) {},'),
    'host-missing.ts': withOpenExternal(''),
    'host-mistyped.ts': withOpenExternal('async openExternal(url: number) { void url; },'),
    'table-complete.ts': table('suggest: (id) => b.suggest(id),'),
    'table-missing.ts': table(''),
    'table-mistyped.ts': table('suggest: async (id) => id,'),
    'backend-complete.ts': backendClass(BACKEND_METHODS),
    'backend-missing.ts': backendClass(BACKEND_METHODS.filter((m) => m !== 'cancelExport')),
  });
});

describe('the handler table is checked by the compiler', () => {
  it('complete tables and Backends compile (the fixtures are sound)', () => {
    expect(errors['host-complete.ts']).toEqual([]);
    expect(errors['table-complete.ts']).toEqual([]);
    expect(errors['backend-complete.ts']).toEqual([]);
  });

  it('a host without one of its operations fails the type check, naming it', () => {
    expect(errors['host-missing.ts'].join('\n')).toMatch(/openExternal/);
  });

  it('a host operation taking other arguments than TahrirApi says fails the type check', () => {
    expect(errors['host-mistyped.ts'].join('\n')).toMatch(/openExternal[\s\S]*number/);
  });

  it('a table missing a Backend operation, or giving another result, fails the type check', () => {
    expect(errors['table-missing.ts'].join('\n')).toMatch(/suggest/);
    expect(errors['table-mistyped.ts'].join('\n')).toMatch(
      /Promise<string>.* is not assignable to type 'Promise<Suggestions>'/,
    );
  });

  it('a Backend without one of the operations it answers fails the type check (BackendOperations named 7 of 10)', () => {
    expect(errors['backend-missing.ts'].join('\n')).toMatch(/cancelExport/);
  });
});
