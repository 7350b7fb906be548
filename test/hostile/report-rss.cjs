// Preloaded into a child process by the hostile-archive test: reports the peak resident memory
// on exit, so the test can hold reading to a memory bound.
process.on('exit', () => {
  process.stderr.write(`\nscrollback-test-max-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
