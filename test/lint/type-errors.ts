// Type-checks small files as if they were files of the project, with one of its tsconfigs:
// what proves a type-level rule fails (a layer's types, the handler table of a host).
import { basename, join } from 'node:path';
import ts from 'typescript';

const repo = join(__dirname, '..', '..');

/**
 * The type errors of each fixture (path in the repository → code), checked with `tsconfig`
 * (one program for all: each takes seconds), by the fixture's file name.
 */
export function typeErrors(tsconfig: string, fixtures: Record<string, string>): Record<string, string[]> {
  const files = new Map(Object.entries(fixtures).map(([path, code]) => [join(repo, path), code]));
  const { config } = ts.readConfigFile(join(repo, tsconfig), ts.sys.readFile);
  const { options, fileNames } = ts.parseJsonConfigFileContent(config, ts.sys, repo);
  // The layer's own declarations (shared/runtime.d.ts) are part of it without being imported.
  const declarations = fileNames.filter((f) => f.endsWith('.d.ts'));
  const host = ts.createCompilerHost(options);
  const { readFile, fileExists, getSourceFile } = host;
  host.readFile = (f) => files.get(f) ?? readFile.call(host, f);
  host.fileExists = (f) => files.has(f) || fileExists.call(host, f);
  host.getSourceFile = (f, language, ...rest) => {
    const code = files.get(f);
    return code === undefined ? getSourceFile.call(host, f, language, ...rest) : ts.createSourceFile(f, code, language);
  };
  const program = ts.createProgram([...files.keys(), ...declarations], { ...options, noEmit: true }, host);
  const errors: Record<string, string[]> = {};
  for (const [file] of files) {
    errors[basename(file)] = ts
      .getPreEmitDiagnostics(program, program.getSourceFile(file))
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  }
  return errors;
}
