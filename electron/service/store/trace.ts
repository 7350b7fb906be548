/**
 * SCROLLBACK_TRACE=1 prints when each step of opening, syncing and searching an archive ends, in
 * milliseconds since the process started, on stderr (for profiling).
 */
export function trace(step: string): void {
  if (process.env.SCROLLBACK_TRACE)
    process.stderr.write(`trace: ${step} at ${Math.round(performance.now())} ms\n`);
}
