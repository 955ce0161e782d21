/**
 * A `/proc/<pid>/stat` line split into its fields. The command name (field 2) is in parentheses
 * and may hold spaces and `)`, so the fields after it are counted from the last `)`: field n
 * (1-based, n ≥ 3) is `after[n - 3]`. Null for a line without a name in parentheses.
 */
export function procStatFields(line: string): { pid: string; after: string[] } | null {
  const open = line.indexOf('(');
  const close = line.lastIndexOf(')');
  if (open === -1 || close < open) return null;
  return {
    pid: line.slice(0, open).trim(),
    after: line
      .slice(close + 1)
      .trim()
      .split(/\s+/),
  };
}
