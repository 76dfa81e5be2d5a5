/** Query strings carry text: drop empty filters, write numbers as text. */
export function toQueryStrings(filters: object): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== null && value !== '') query[key] = String(value);
  }
  return query;
}
