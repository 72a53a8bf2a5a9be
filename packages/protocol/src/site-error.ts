/** A site file that cannot be used: which file, which field, which line where known, and why. */
export class SiteConfigError extends Error {
  readonly code = 'SITE_INVALID';
  constructor(
    readonly file: string,
    readonly problems: { field: string; line?: number; reason: string }[],
  ) {
    super(
      `${file}: invalid site configuration\n` +
        problems
          .map((p) => `  ${p.field || '(root)'}${p.line ? ` (line ${p.line})` : ''}: ${p.reason}`)
          .join('\n'),
    );
    this.name = 'SiteConfigError';
  }
}
