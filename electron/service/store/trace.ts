/** SCROLLBACK_TRACE=1 prints how long each step of a sync takes, on stderr (for profiling). */
const started = performance.now();

export function trace(step: string): void {
  if (process.env.SCROLLBACK_TRACE)
    process.stderr.write(`sync: ${step} at ${Math.round(performance.now() - started)} ms\n`);
}
