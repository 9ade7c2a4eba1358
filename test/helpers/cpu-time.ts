// Time bounds judged by CPU time, not wall time: on a loaded machine (2 cores, several suites and engineers) a
// process waits for a core for seconds at a time, and that wait is not the cost of the code under test.

/** The CPU time (user and system) this process has used so far, in milliseconds (all its threads). */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
