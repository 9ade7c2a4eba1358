// `tahrir assign <workspace> --annotators a,b,c [--overlap 0.2] [--seed N]`: writes the
// assignment (shared/assignment.ts) to tahrir-assignment.json at the workspace root, a file to
// commit so every clone sees who annotates what. Deterministic; says who got how many.
import { join } from 'node:path';
import { ASSIGNMENT_FILE, assignDocuments, assignmentProblem } from '../../shared/assignment';
import { writeFileAtomic } from '../sidecar-store';
import { documentIdOf } from '../../shared/workspace-layout';
import { findFiles } from '../workspace';
import { folderArgument, parseCommandLine, usageError } from './command-line';

const USAGE = 'usage: tahrir assign <workspace> --annotators a,b,c [--overlap 0.2] [--seed N]';

export async function run(args: string[]): Promise<number> {
  const line = parseCommandLine(args, USAGE, { options: ['annotators', 'overlap', 'seed'] });
  const root = await folderArgument(line, USAGE);
  const annotators = (line.options.get('annotators') ?? '').split(',').map((a) => a.trim());
  const overlap = Number(line.options.get('overlap') ?? '0');
  const seed = Number(line.options.get('seed') ?? '0');
  const problem = assignmentProblem(line.options.has('annotators') ? annotators : [], overlap);
  if (problem) throw usageError(problem, USAGE);
  if (!Number.isInteger(seed)) throw usageError(`--seed ${line.options.get('seed')} must be a whole number`, USAGE);
  const { texts } = await findFiles(root, { sidecars: false });
  const assignment = assignDocuments(texts.map(documentIdOf), annotators, overlap, seed);
  await writeFileAtomic(join(root, ASSIGNMENT_FILE), JSON.stringify(assignment, null, 2) + '\n', ASSIGNMENT_FILE);
  const load = new Map(annotators.map((a) => [a, 0]));
  let doubles = 0;
  for (const who of Object.values(assignment.documents)) {
    for (const a of who) load.set(a, load.get(a)! + 1);
    if (who.length > 1) doubles++;
  }
  process.stdout.write(
    `wrote ${ASSIGNMENT_FILE}: ${texts.length} documents, ${doubles} of them to two annotators (${[...load].map(([a, n]) => `${a} ${n}`).join(', ')})\n`,
  );
  return 0;
}
