// No line of the product's source runs past 120 characters (Prettier's printWidth): Prettier wraps
// code but leaves long comments, strings and regular expressions as they are. Counted in code points,
// as an editor counts them. The files below still hold long strings and regular expressions written
// before this check; their counts may only go down (wrap one, lower its number), and no other file
// may have any.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = join(__dirname, '..', '..');
const LIMIT = 120;
const SOURCE = /\.(?:ts|tsx|mts|mjs|cjs|js|css|html)$/u;
const FOLDERS = ['shared', 'electron', 'renderer', 'build'];

/** Lines over the limit still to wrap, by file. */
const LEFT_TO_WRAP: Record<string, number> = {
  'build/bench.mjs': 2,
  'build/electron-builder.config.cjs': 1,
  'build/start.mjs': 2,
  'electron/checked-sidecars.ts': 1,
  'electron/cli/agree.ts': 5,
  'electron/cli/assign.ts': 1,
  'electron/cli/export.ts': 4,
  'electron/cli/import.ts': 1,
  'electron/cli/learn.ts': 1,
  'electron/cli/ner-eval.ts': 4,
  'electron/cli/suggest-annotations.ts': 2,
  'electron/cli/suggest.ts': 1,
  'electron/cli/validate.ts': 1,
  'electron/confine.ts': 1,
  'electron/desktop/main-window.ts': 1,
  'electron/folder-walk.ts': 1,
  'electron/git-setup.ts': 1,
  'electron/import-job.ts': 1,
  'electron/serve.ts': 1,
  'electron/sidecar-lock.ts': 3,
  'electron/text-file.ts': 2,
  'eslint.config.mjs': 2,
  'renderer/early-start.ts': 1,
  'renderer/index.html': 1,
  'shared/api-arguments.ts': 1,
  'shared/boilerplate/author-bio.ts': 2,
  'shared/boilerplate/byline.ts': 7,
  'shared/boilerplate/date-line.ts': 3,
  'shared/boilerplate/dateline.ts': 4,
  'shared/boilerplate/disclaimer.ts': 9,
  'shared/boilerplate/end-marker.ts': 4,
  'shared/boilerplate/headline-line.ts': 1,
  'shared/boilerplate/line-features.ts': 1,
  'shared/boilerplate/link-leftover.ts': 2,
  'shared/boilerplate/news-date.ts': 1,
  'shared/boilerplate/outlet-byline.ts': 1,
  'shared/boilerplate/page-notice.ts': 6,
  'shared/boilerplate/photo-caption.ts': 3,
  'shared/boilerplate/promo-lines.ts': 13,
  'shared/boilerplate/read-more.ts': 5,
  'shared/boilerplate/related-block.ts': 6,
  'shared/boilerplate/social-embed.ts': 8,
  'shared/boilerplate/source-line.ts': 1,
  'shared/boilerplate/syndication.ts': 3,
  'shared/boilerplate/template-line-rule.ts': 1,
  'shared/boilerplate/trailing-teasers.ts': 2,
  'shared/boilerplate/widget-text.ts': 2,
  'shared/boilerplate/wire-credit.ts': 5,
  'shared/import/import-jsonl.ts': 1,
  'shared/import/import-labelstudio.ts': 1,
  'shared/position-map.ts': 1,
  'shared/sidecar-check.ts': 2,
  'shared/sidecar-text.ts': 1,
  'shared/sidecar.ts': 1,
  'shared/text-direction.ts': 1,
  'shared/tokenizer.ts': 1,
};

function sourceFiles(folder: string): string[] {
  return readdirSync(join(repo, folder), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && SOURCE.test(e.name))
    .map((e) => relative(repo, join(e.parentPath, e.name)).split('\\').join('/'));
}

/** The message catalogs: one message a line, as translators read and compare them. */
const MESSAGES = /^shared\/i18n\/[a-z]{2}\.ts$/u;

function longLines(file: string): number[] {
  const lines = readFileSync(join(repo, file), 'utf8').split(/\r?\n/u);
  return lines.flatMap((line, i) => ([...line].length > LIMIT ? [i + 1] : []));
}

describe('line length', () => {
  const files = [
    ...FOLDERS.flatMap(sourceFiles),
    ...readdirSync(repo).filter((f) => SOURCE.test(f) && !f.startsWith('.')),
  ].filter((f) => !MESSAGES.test(f));

  it(`no source line outside test/ is longer than ${LIMIT} characters, but those left to wrap`, () => {
    const over = files
      .map((file) => ({ file, lines: longLines(file) }))
      .filter(({ file, lines }) => lines.length > (LEFT_TO_WRAP[file] ?? 0))
      .map(({ file, lines }) => `${file}: lines ${lines.join(', ')} (allowed ${LEFT_TO_WRAP[file] ?? 0})`);
    expect(over).toEqual([]);
  });

  it('the list of lines left to wrap names only files that still have them', () => {
    const stale = Object.entries(LEFT_TO_WRAP)
      .filter(([file, allowed]) => !files.includes(file) || longLines(file).length < allowed)
      .map(
        ([file, allowed]) =>
          `${file}: ${allowed} allowed, lower it to ${files.includes(file) ? longLines(file).length : 0}`,
      );
    expect(stale).toEqual([]);
  });
});
