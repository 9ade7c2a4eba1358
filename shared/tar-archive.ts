// A POSIX tar archive (ustar, with a pax header for a name longer than ustar holds), written
// in memory: how a folder export (brat, a split) reaches a browser as one download. `tar -xf`,
// Python's tarfile and every archiver read it.

const BLOCK = 512;
const encoder = new TextEncoder();

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: Uint8Array, size: number, type: '0' | 'x', mtime: number): Uint8Array {
  const h = new Uint8Array(BLOCK);
  const put = (at: number, text: string | Uint8Array) =>
    h.set(typeof text === 'string' ? encoder.encode(text) : text, at);
  put(0, name.subarray(0, 100));
  put(100, octal(0o644, 8));
  put(108, octal(0, 8));
  put(116, octal(0, 8));
  put(124, octal(size, 12));
  put(136, octal(mtime, 12));
  put(148, '        '); // the checksum counts its own field as spaces
  put(156, type);
  put(257, 'ustar\0');
  put(263, '00');
  let sum = 0;
  for (const b of h) sum += b;
  put(148, sum.toString(8).padStart(6, '0') + '\0 ');
  return h;
}

/** A pax record "<length> path=<name>\n", its length counting its own digits. */
function paxPath(name: string): Uint8Array {
  const body = ` path=${name}\n`;
  const bytes = encoder.encode(body).length;
  let length = bytes + 1;
  while (bytes + String(length).length !== length) length = bytes + String(length).length;
  return encoder.encode(`${length}${body}`);
}

function padded(data: Uint8Array): Uint8Array[] {
  const rest = data.length % BLOCK;
  return rest ? [data, new Uint8Array(BLOCK - rest)] : [data];
}

/** The archive of `files` (path inside the archive, with / between folders → bytes), in the order given. */
export function tarArchive(files: readonly { path: string; data: Uint8Array }[], mtime = 0): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const { path, data } of files) {
    const name = encoder.encode(path);
    if (name.length > 100) {
      const pax = paxPath(path);
      parts.push(header(encoder.encode('PaxHeader'), pax.length, 'x', mtime), ...padded(pax));
    }
    parts.push(header(name, data.length, '0', mtime), ...padded(data));
  }
  parts.push(new Uint8Array(BLOCK * 2)); // the end: two empty blocks
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
