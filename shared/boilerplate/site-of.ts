// Which site an article belongs to: by default its folder ("news/spa/spa-1.txt" → "news/spa");
// `tahrir.json` may map globs to sites instead ({"sites": {"archive/**/wam-*.txt": "wam"}}),
// the first matching glob wins.

/** `*` any characters but `/`, `**` any path (also none), `?` one character but `/`. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        i++;
        re += '(?:.*/)?';
      } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'u');
}

/**
 * The site of a workspace-relative text file (`/` separators). Files at the workspace's root
 * belong to the site named `rootSite` (the workspace folder's name).
 */
export function siteOf(file: string, sites: Record<string, string> | undefined, rootSite: string): string {
  for (const [glob, site] of Object.entries(sites ?? {})) if (globToRegExp(glob).test(file)) return site;
  const slash = file.lastIndexOf('/');
  return slash < 0 ? rootSite : file.slice(0, slash);
}
