// Both hosts check every operation's arguments before the back end sees them.
import { describe, expect, it } from 'vitest';
import { API_METHODS } from '../../shared/api';
import { API_ARGUMENTS, MAX_SIDECAR_TEXT, isApiMethod, parseApiArguments } from '../../shared/api-arguments';
import { isWebLink } from '../../shared/web-link';
import { TahrirError } from '../../shared/errors';

function refusal(method: Parameters<typeof parseApiArguments>[0], args: unknown): TahrirError {
  try {
    parseApiArguments(method, args);
  } catch (e) {
    expect(e).toBeInstanceOf(TahrirError);
    expect((e as TahrirError).code).toBe('invalid-argument');
    return e as TahrirError;
  }
  throw new Error(`${method}(${JSON.stringify(args)}) was accepted`);
}

describe('API arguments', () => {
  it('has a shape for every operation', () => {
    expect(Object.keys(API_ARGUMENTS).sort()).toEqual([...API_METHODS].sort());
    expect(isApiMethod('openDocument')).toBe(true);
    expect(isApiMethod('constructor')).toBe(false);
    expect(isApiMethod('__proto__')).toBe(false);
  });

  it('refuses a search whose searcher is not a name', () => {
    refusal('searchDocuments', [['x'], '']);
    refusal('searchDocuments', [['x'], 7]);
    refusal('searchDocuments', [['x'], 'a', 'b']);
  });

  it('accepts well-formed calls unchanged', () => {
    const sidecar = { format: 'tahrir-annotations', version: 1, edits: [] };
    expect(parseApiArguments('getWorkspace', [])).toEqual([]);
    expect(parseApiArguments('searchDocuments', [['عمّان']])).toEqual([['عمّان']]);
    expect(parseApiArguments('searchDocuments', [['عمّان'], 'window-a'])).toEqual([['عمّان'], 'window-a']);
    expect(parseApiArguments('openDocument', ['news/عمّان 🇯🇴'])).toEqual(['news/عمّان 🇯🇴']);
    expect(parseApiArguments('saveSidecar', ['a', sidecar, null])).toEqual(['a', sidecar, null]);
    expect(parseApiArguments('saveSidecar', ['a', sidecar, 'abc'])).toEqual(['a', sidecar, 'abc']);
    // The sidecar as its JSON text (the renderer builds it off the main thread); Backend parses it.
    const text = JSON.stringify(sidecar);
    expect(parseApiArguments('saveSidecar', ['a', text, null])).toEqual(['a', text, null]);
    expect(parseApiArguments('writeRecovery', ['a', text])).toEqual(['a', text]);
    expect(
      parseApiArguments('startExport', [{ format: 'conll', out: 'x.conll', split: [80, 10, 10], seed: 7 }]),
    ).toEqual([{ format: 'conll', out: 'x.conll', split: [80, 10, 10], seed: 7 }]);
    expect(parseApiArguments('startExport', [{ format: 'jsonl', out: 'x.jsonl', replace: true }])).toEqual([
      { format: 'jsonl', out: 'x.jsonl', replace: true },
    ]);
    expect(parseApiArguments('openExternal', ['https://example.org/a?b'])).toEqual(['https://example.org/a?b']);
  });

  it('refuses wrong types, missing or extra arguments, naming the operation', () => {
    expect(refusal('openDocument', []).message).toMatch(/openDocument: id must be a string/);
    expect(refusal('openDocument', [42]).message).toMatch(/id must be a string/);
    expect(refusal('openDocument', ['']).message).toMatch(/must not be empty/);
    expect(refusal('openDocument', ['a', 'b']).message).toMatch(/openDocument/);
    expect(refusal('getWorkspace', ['x']).message).toMatch(/getWorkspace/);
    expect(refusal('openDocument', 'a').message).toMatch(/openDocument/);
    expect(refusal('saveSidecar', ['a', 42, null]).message).toMatch(/sidecar must be an object or its JSON text/);
    expect(refusal('writeRecovery', ['a', null]).message).toMatch(/sidecar must be an object or its JSON text/);
    expect(refusal('saveSidecar', ['a', ' '.repeat(MAX_SIDECAR_TEXT + 1), null]).message).toMatch(
      /sidecar text is too long/,
    );
    expect(refusal('saveSidecar', ['a', {}, 5]).message).toMatch(/baseRevision/);
    expect(refusal('saveSidecar', ['a', {}]).message).toMatch(/baseRevision/);
    expect(refusal('startExport', [{ format: 'docx', out: 'x' }]).message).toMatch(/format must be one of/);
    expect(refusal('startExport', [{ format: 'jsonl', out: 'x', evil: true }]).message).toMatch(/startExport/);
    expect(refusal('startExport', [{ format: 'jsonl', out: 'x', replace: 'yes' }]).message).toMatch(
      /replace must be true or false/,
    );
    expect(refusal('chooseImportSource', ['hf']).message).toMatch(/format must be one of brat/);
  });

  it('refuses a document id too long to be a path, a value nested 5,000 deep and a lone surrogate, before valibot recurses', () => {
    expect(refusal('openDocument', ['a'.repeat(4096)]).message).toMatch(
      /openDocument: id is too long \(at most 1024 characters\)/,
    );
    expect(refusal('discardRecovery', ['a'.repeat(1025)]).message).toMatch(/too long/);
    expect(parseApiArguments('openDocument', ['a'.repeat(1024)])).toHaveLength(1);
    const deep = JSON.parse(`${'{"deeper":'.repeat(5000)}1${'}'.repeat(5000)}`);
    expect(refusal('saveSidecar', ['a', { extra: deep }, null]).message).toMatch(
      /saveSidecar: argument 1\.extra\.deeper.* is nested more than 64 levels deep/,
    );
    expect(refusal('startExport', [JSON.parse(`${'['.repeat(5000)}${']'.repeat(5000)}`)]).message).toMatch(/nested/);
    expect(refusal('saveSidecar', ['a', { annotator: 'Zo\ud800' }, null]).message).toMatch(
      /argument 1\.annotator holds a lone UTF-16 surrogate \(U\+D800\)/,
    );
    expect(refusal('openDocument', ['a\udc00']).message).toMatch(/argument 0 holds a lone/);
  });

  it('checks the cleanup review’s calls: suggest with the editor’s rejections, a workspace rule to add', () => {
    const rejected = [{ rule: 'source-line', start: 3, end: 9, text: 'المصدر' }];
    expect(parseApiArguments('suggest', ['a'])).toEqual(['a']);
    expect(parseApiArguments('suggest', ['a', { rejected }])).toEqual(['a', { rejected }]);
    expect(refusal('suggest', ['a', { rejected: [{ rule: 'x', start: -1, end: 2, text: '' }] }]).message).toMatch(
      /^suggest: /,
    );
    expect(refusal('suggest', ['a', null]).message).toMatch(/^suggest: /);
    expect(parseApiArguments('siteTemplateLines', [])).toEqual([]);
    const rule = { id: 'remove-everywhere-1', pattern: '^a$', flags: 'm', kind: 'boilerplate', description: 'd' };
    expect(parseApiArguments('addBoilerplateRule', [rule])).toEqual([rule]);
    expect(refusal('addBoilerplateRule', [{ id: 'x', pattern: '' }]).message).toContain('pattern must not be empty');
    expect(refusal('addBoilerplateRule', [{ id: 'x', pattern: 'a', flags: 'mx' }]).message).toContain(
      'flags may only be',
    );
    expect(refusal('addBoilerplateRule', [{ id: 'x', pattern: 'a', other: 1 }]).message).toMatch(
      /^addBoilerplateRule: /,
    );
  });

  it('refuses NUL in ids and paths', () => {
    expect(refusal('openDocument', ['a\0.txt']).message).toMatch(/NUL/);
    expect(refusal('openWorkspace', ['/tmp/x\0']).message).toMatch(/NUL/);
    expect(refusal('importAnnotations', [{ format: 'brat', from: 'a\0' }]).message).toMatch(/NUL/);
  });

  it('lets only http(s) links out', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'app://tahrir/index.html',
      'smb://host/share',
      'not a url',
      'ms-settings:',
    ]) {
      expect(isWebLink(url), url).toBe(false);
      expect(refusal('openExternal', [url]).message).toMatch(/only http and https/);
    }
    expect(isWebLink('http://example.org')).toBe(true);
  });
});
