import { execFileSync } from 'node:child_process';
import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '../../shared/model';
import { encodingFor, readWorkspaceConfig } from '../../electron/workspace-config';
import { snapshot, tempFolder, writeFiles } from './temp-folder';

describe('readWorkspaceConfig', () => {
  it('gives the default labels when tahrir.json is absent', async () => {
    const root = await tempFolder();
    const { config, problem } = await readWorkspaceConfig(root);
    expect(problem).toBeUndefined();
    expect(config.labels).toEqual(DEFAULT_LABELS);
  });

  it('reads labels, encodings and keeps settings it does not know', async () => {
    const root = await tempFolder();
    await writeFiles(root, {
      'tahrir.json': JSON.stringify({
        labels: [{ name: 'PERSON', hotkey: '1', color: '#f00' }, { name: 'ORG' }],
        encodings: { 'old/a.txt': 'windows-1256' },
        boilerplate: { extraPatterns: ['^اقرأ أيضا'] },
      }),
    });
    const { config, problem } = await readWorkspaceConfig(root);
    expect(problem).toBeUndefined();
    expect(config.labels.map((l) => l.name)).toEqual(['PERSON', 'ORG']);
    expect(encodingFor(config, 'old/a.txt')).toBe('windows-1256');
    expect(encodingFor(config, 'constructor')).toBeUndefined();
    expect((config as unknown as Record<string, unknown>).boilerplate).toEqual({ extraPatterns: ['^اقرأ أيضا'] });
  });

  it('falls back to defaults with a problem naming the file for broken JSON, and never rewrites it', async () => {
    const root = await tempFolder();
    await writeFiles(root, { 'tahrir.json': '{"labels": [' });
    const before = await snapshot(root);
    const { config, problem } = await readWorkspaceConfig(root);
    expect(config.labels).toEqual(DEFAULT_LABELS);
    expect(problem?.file).toBe('tahrir.json');
    expect(problem?.message).toMatch(/^tahrir\.json: is not valid JSON/);
    expect(await snapshot(root)).toEqual(before);
  });

  it('says where a hand edit broke it (line, column) and when git left its conflict markers in it', async () => {
    const root = await tempFolder();
    await writeFiles(root, {
      'tahrir.json': '{\n  "labels": [\n    {"name": "PERSON"}\n    {"name": "ORG"}\n  ]\n}\n',
    });
    const broken = (await readWorkspaceConfig(root)).problem?.message;
    expect(broken).toMatch(/^tahrir\.json: is not valid JSON at line 4, column 5 \(.+\); using the default labels$/);
    const merged =
      '{\n  "labels": [\n<<<<<<< HEAD\n    {"name": "PERSON"}\n=======\n    {"name": "PER"}\n>>>>>>> omar\n  ]\n}\n';
    await writeFiles(root, { 'tahrir.json': merged });
    expect((await readWorkspaceConfig(root)).problem?.message).toBe(
      "tahrir.json: holds git's conflict markers (line 3): keep what each side should and delete the marker lines; " +
        'using the default labels',
    );
  });

  it('names shape problems: a label without a name, a two-letter hotkey, a repeated label', async () => {
    const root = await tempFolder();
    await writeFiles(root, { 'tahrir.json': JSON.stringify({ labels: [{ hotkey: '12' }] }) });
    const { problem } = await readWorkspaceConfig(root);
    expect(problem?.message).toContain('labels[0].name: is missing');
    expect(problem?.message).toContain('labels[0].hotkey: must be a single key');
    await writeFiles(root, { 'tahrir.json': JSON.stringify({ labels: [{ name: 'ORG' }, { name: 'ORG' }] }) });
    expect((await readWorkspaceConfig(root)).problem?.message).toContain('the label "ORG" is listed twice');
    await writeFiles(root, { 'tahrir.json': JSON.stringify({ encodings: { 'a.txt': 1256 } }) });
    expect((await readWorkspaceConfig(root)).problem?.message).toContain('encodings.a.txt: must be a string');
  });

  it('reads the overlap policies per label, and refuses a value that is not true or false, naming the file and the key', async () => {
    const root = await tempFolder();
    await writeFiles(root, {
      'tahrir.json': JSON.stringify({
        labels: [
          { name: 'QUOTE_SPAN', allowAcrossParagraphs: true },
          { name: 'ORG', allowCrossing: false },
        ],
      }),
    });
    const { config, problem } = await readWorkspaceConfig(root);
    expect(problem).toBeUndefined();
    expect(config.labels).toEqual([
      { name: 'QUOTE_SPAN', allowAcrossParagraphs: true },
      { name: 'ORG', allowCrossing: false },
    ]);
    await writeFiles(root, {
      'tahrir.json': JSON.stringify({ labels: [{ name: 'ORG', allowCrossing: 'no', allowAcrossParagraphs: 1 }] }),
    });
    const refused = (await readWorkspaceConfig(root)).problem;
    expect(refused?.file).toBe('tahrir.json');
    expect(refused?.message).toMatch(/^tahrir\.json: is not a valid workspace config/);
    expect(refused?.message).toContain('labels[0].allowCrossing: must be true or false');
    expect(refused?.message).toContain('labels[0].allowAcrossParagraphs: must be true or false');
  });

  it('reads no tahrir.json that leads out of the workspace through a link: defaults, a problem naming it, nothing of its content', async () => {
    const root = await tempFolder();
    const elsewhere = await tempFolder();
    await writeFiles(elsewhere, {
      'private.txt': 'SECRET-7f3a: not JSON at all',
      'labels.json': JSON.stringify({ labels: [{ name: 'THEIRS' }] }),
    });
    await symlink(join(elsewhere, 'private.txt'), join(root, 'tahrir.json'));
    const { config, problem } = await readWorkspaceConfig(root);
    expect(config.labels).toEqual(DEFAULT_LABELS);
    expect(problem).toMatchObject({
      code: 'outside-workspace',
      file: 'tahrir.json',
      message: expect.stringMatching(/^tahrir\.json: leads out of the workspace through a symbolic link; not read/),
    });
    expect(JSON.stringify(problem)).not.toContain('SECRET');
    // Valid JSON outside is not taken either; a link inside the workspace is.
    const linked = await tempFolder();
    await symlink(join(elsewhere, 'labels.json'), join(linked, 'tahrir.json'));
    expect((await readWorkspaceConfig(linked)).config.labels).toEqual(DEFAULT_LABELS);
    const inside = await tempFolder();
    await writeFiles(inside, { 'settings/shared.json': JSON.stringify({ labels: [{ name: 'OURS' }] }) });
    await symlink(join(inside, 'settings', 'shared.json'), join(inside, 'tahrir.json'));
    expect((await readWorkspaceConfig(inside)).config.labels.map((l) => l.name)).toEqual(['OURS']);
  });

  it('does not wait on a tahrir.json that is a named pipe (reading it would block the app)', async () => {
    const root = await tempFolder();
    execFileSync('mkfifo', [join(root, 'tahrir.json')]);
    const loaded = await Promise.race([
      readWorkspaceConfig(root),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 5_000)),
    ]);
    expect(loaded?.problem).toMatchObject({
      file: 'tahrir.json',
      message: expect.stringMatching(/is not a regular file/),
    });
  });

  it('reads the sites of the template counts, a glob to a site name each', async () => {
    const root = await tempFolder();
    await writeFiles(root, { 'tahrir.json': JSON.stringify({ sites: { 'archive/**/wam-*.txt': 'wam' } }) });
    expect((await readWorkspaceConfig(root)).config.sites).toEqual({ 'archive/**/wam-*.txt': 'wam' });
    await writeFiles(root, { 'tahrir.json': JSON.stringify({ sites: 'wam' }) });
    expect((await readWorkspaceConfig(root)).problem).toMatchObject({ file: 'tahrir.json' });
    await writeFiles(root, { 'tahrir.json': JSON.stringify({ sites: { 'a/*.txt': 3 } }) });
    expect((await readWorkspaceConfig(root)).problem?.message).toContain('sites.a/*.txt: must be a string');
  });

  it('reports a tahrir.json that is a folder', async () => {
    const root = await tempFolder();
    await writeFiles(root, { 'tahrir.json/x': '' });
    const { problem } = await readWorkspaceConfig(join(root));
    expect(problem?.code).toBe('io');
    expect(problem?.message).toContain('tahrir.json: is a folder');
  });
});
