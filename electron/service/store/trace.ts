/**
 * SCROLLBACK_TRACE=1 prints when each step of opening, syncing and searching an archive ends, in
 * milliseconds since the process started, and the process's memory then (resident, and the
 * JavaScript heap and array buffers of this thread), on stderr (for profiling).
 */
export function trace(step: string): void {
  if (!process.env.SCROLLBACK_TRACE) return;
  const memory = process.memoryUsage();
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  process.stderr.write(
    `trace: ${step} at ${Math.round(performance.now())} ms (rss ${mb(memory.rss)} MB, heap ${mb(memory.heapUsed)}, buffers ${mb(memory.arrayBuffers)})\n`,
  );
}
