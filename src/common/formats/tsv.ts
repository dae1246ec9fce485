/** One TSV field: backslash, tab, carriage return and newline written as \\, \t, \r, \n (docs/cli.md). */
export function tsvField(value: string): string {
  return value.replace(/[\\\t\r\n]/g, (character) => ({ '\\': '\\\\', '\t': '\\t', '\r': '\\r', '\n': '\\n' })[character]!);
}

export function tsvRecord(fields: readonly string[]): string {
  return `${fields.map(tsvField).join('\t')}\n`;
}
