// `tahrir learn <folder> [--forget] [--json]`: counts every site's recurring lines again and
// learns from the sidecars (boilerplate edits, rejected suggestions), then says per site what
// it learned: the top template lines and the number of examples. `--forget` drops the learned
// model (the counts, read off the texts, stay).
import { SiteTemplateService, CACHE_DIR, LEARNED_FILE } from '../site-template-service';
import { readWorkspaceConfig } from '../workspace-config';
import { folderArgument, parseCommandLine } from './command-line';
import { usageOf } from './usage';

const USAGE = usageOf('learn');

function shorten(text: string, max = 70): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

export async function run(args: string[]): Promise<number> {
  const line = parseCommandLine(args, USAGE, { flags: ['forget', 'json'] });
  const root = await folderArgument(line, USAGE);
  const { config, problem } = await readWorkspaceConfig(root);
  if (problem) process.stderr.write(`tahrir learn: ${problem.file}: ${problem.message}\n`);
  const service = new SiteTemplateService(root, config);
  if (line.flags.has('forget')) {
    await service.forget();
    if (line.flags.has('json')) process.stdout.write(`${JSON.stringify({ forgotten: true })}\n`);
    else
      process.stdout.write(
        `Forgot what was learned in ${root} (${CACHE_DIR}/${LEARNED_FILE} removed); the template counts stay.\n`,
      );
    return 0;
  }
  await service.open();
  const { problems } = await service.learn();
  const sites = service.summaries(5);
  if (line.flags.has('json')) {
    process.stdout.write(`${JSON.stringify({ sites, problems }, null, 2)}\n`);
    return problems.length > 0 ? 1 : 0;
  }
  const out: string[] = [];
  for (const s of sites) {
    out.push(
      `${s.site}: ${s.documents} article${s.documents === 1 ? '' : 's'}, learned from ${s.examples.removed} removed and ${s.examples.kept} kept lines`,
    );
    for (const t of s.templateLines)
      out.push(`  ${`${t.count} of ${t.documents}`.padStart(12)}  ${shorten(t.example)}`);
  }
  if (sites.length === 0) out.push(`${root}: no articles`);
  for (const p of problems) out.push(`skipped ${p}`);
  process.stdout.write(`${out.join('\n')}\n`);
  return problems.length > 0 ? 1 : 0;
}
