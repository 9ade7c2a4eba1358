// `tahrir suggest`: placeholder until its owner lands it (the dispatcher in cli/commands.ts imports it).
export async function run(_args: string[]): Promise<number> {
  process.stderr.write('tahrir suggest: not built yet\n');
  return 2;
}
