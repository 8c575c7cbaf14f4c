/** CLI output: `--json` for scripts (one JSON document on stdout), aligned text tables for people. */
export interface Out {
  json: boolean;
  print(value: unknown, text?: () => string): void;
}

export function table(rows: Array<Record<string, unknown>>, columns: string[]): string {
  const cell = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => [...cell(r[c])].length)));
  const line = (vals: string[]) => vals.map((v, i) => v + ' '.repeat(Math.max(0, widths[i]! - [...v].length))).join('  ').trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(columns.map((c) => cell(r[c]))))].join('\n');
}

export function makeOut(json: boolean): Out {
  return {
    json,
    print(value, text) {
      process.stdout.write(`${json || !text ? JSON.stringify(value, null, 2) : text()}\n`);
    },
  };
}
