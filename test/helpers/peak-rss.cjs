// Preloaded with `node --require` by tests that bound a command's memory: at exit, the peak resident set of the
// whole process (main thread and workers) goes to stderr as one line `PEAK_RSS_KB=…`.
process.on('exit', () => {
  require('node:fs').writeSync(2, `\nPEAK_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
