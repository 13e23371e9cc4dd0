// Command-line parsing shared by both doors (Electron main process and the browser door). Pure.

/**
 * The value of `--data-dir <dir>` or `--data-dir=<dir>`, or null when absent or given without a value.
 * When the flag appears more than once, the last one wins (as with most CLIs).
 * Arguments after a bare `--` are not options and are ignored.
 */
export function parseDataDirArg(argv: readonly string[]): string | null {
  let found: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === undefined || arg === '--') break;
    if (arg === '--data-dir') {
      const next = argv[i + 1];
      if (next !== undefined && next !== '' && !next.startsWith('--')) {
        found = next;
        i++;
      }
    } else if (arg.startsWith('--data-dir=')) {
      const value = arg.slice('--data-dir='.length);
      if (value !== '') found = value;
    }
  }
  return found;
}
