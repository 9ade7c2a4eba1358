// `tahrir agree <workspace> --between REV_OR_FOLDER REV_OR_FOLDER… [--json] [--top N]`:
// inter-annotator agreement between versions of the workspace (git revisions or folders).
import type { Coefficients } from '../../shared/agreement';
import type { PRF } from '../../shared/agreement-stats';
import { measureAgreement, versionSource, type AgreementRun } from '../agreement-job';
import { folderArgument, parseCommandLine, usageError } from './command-line';

const USAGE = 'usage: tahrir agree <workspace> --between REV_OR_FOLDER REV_OR_FOLDER… [--json] [--top N]';

/** `--between` takes every argument after it up to the next option. */
function splitBetween(args: readonly string[]): { between: string[]; rest: string[] } {
  const between: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] !== '--between') {
      rest.push(args[i]);
      continue;
    }
    while (i + 1 < args.length && !args[i + 1].startsWith('--')) between.push(args[++i]);
  }
  return { between, rest };
}

const num = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));
const f1 = (p: PRF) => `F1 ${num(p.f1)} (P ${num(p.precision)}, R ${num(p.recall)})`;
const coeffs = (c: Coefficients) =>
  `Fleiss κ ${num(c.fleissKappa)}, Krippendorff α ${num(c.krippendorffAlpha)}, mean Cohen κ ${num(c.meanCohenKappa)}, observed ${num(c.observed)}`;

export function agreementText(r: AgreementRun, top: number): string {
  const v = r.versions;
  const lines = [
    `agreement between ${v.join(', ')} on ${r.documents} document${r.documents === 1 ? '' : 's'}${r.notInEveryVersion ? ` (${r.notInEveryVersion} in some versions only, not compared)` : ''}`,
  ];
  lines.push(`entities, token level (${r.tokens.items} tokens): ${coeffs(r.tokens)}`);
  for (const [label, c] of Object.entries(r.byLabel)) lines.push(`  ${label}: ${coeffs(c)}`);
  lines.push(`cleanup, character level (${r.cleanup.items} characters): ${coeffs(r.cleanup)}`);
  for (const p of r.pairs) {
    lines.push(`${v[p.a]} ~ ${v[p.b]} (the first as reference):`);
    lines.push(
      `  entities: exact ${f1(p.entities.exact)}; overlapping ${f1(p.entities.overlap)}; token Cohen κ ${num(p.entities.cohenKappa)}`,
    );
    for (const [label, l] of Object.entries(p.entities.byLabel))
      lines.push(
        `    ${label}: exact F1 ${num(l.exact.f1)}, overlapping F1 ${num(l.overlap.f1)}, token Cohen κ ${num(l.cohenKappa)}`,
      );
    lines.push(
      `  quotes: exact ${f1(p.quotes.exact)}; overlapping ${f1(p.quotes.overlap)}; same speaker on ${num(p.quotes.speakerAgreement)} of ${p.quotes.matched} matched`,
    );
    lines.push(`  cleanup: Cohen κ ${num(p.cleanup.cohenKappa)}, observed ${num(p.cleanup.observed)}`);
  }
  const shown = r.documentsByDisagreement.slice(0, top);
  if (shown.length > 0)
    lines.push(`documents by disagreement (1 − mean overlapping F1; ${shown.length} of ${r.documents}):`);
  for (const d of shown)
    lines.push(
      `  ${d.disagreement.toFixed(3)}  ${d.id}  (entities ${d.entities.join('/')}, quotes ${d.quotes.join('/')})`,
    );
  for (const s of r.skipped) lines.push(`skipped ${s.file}: ${s.reason}`);
  return lines.join('\n') + '\n';
}

export async function run(args: string[]): Promise<number> {
  const { between, rest } = splitBetween(args);
  const line = parseCommandLine(rest, USAGE, { flags: ['json'], options: ['top'] });
  const root = await folderArgument(line, USAGE);
  if (between.length < 2)
    throw usageError(`--between needs at least two versions (git revisions or folders), got ${between.length}`, USAGE);
  const top = line.options.has('top') ? Number(line.options.get('top')) : 20;
  if (!Number.isInteger(top) || top < 0) throw usageError('--top takes a whole number', USAGE);
  const versions = [];
  for (const spec of between) versions.push(await versionSource(root, spec));
  const report = await measureAgreement(root, versions);
  process.stdout.write(line.flags.has('json') ? JSON.stringify(report, null, 2) + '\n' : agreementText(report, top));
  return report.skipped.length > 0 ? 1 : 0;
}
