/** A job's error in words for the county: its message, without e-mail addresses, at most 300 characters. */
export function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/[^\s@<>"']+@[^\s@<>"']+/g, '…').slice(0, 300);
}
