// The one clock of sidecar times (createdAt, updatedAt): ISO time to the second, in UTC, as the
// format's example writes it ("2026-11-28T10:00:00Z"). The journal and lock files keep
// milliseconds (they are compared with file times), and take Date's own toISOString.

/** `date` (now by default) as the sidecar writes times. */
export function nowStamp(date: Date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
