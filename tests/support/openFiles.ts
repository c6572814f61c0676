import { readdirSync, readlinkSync } from 'node:fs';

/** What this process has open, as Linux names it in /proc (a removed file ends in " (deleted)"). */
export function openFiles(): string[] {
  const files: string[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      files.push(readlinkSync(`/proc/self/fd/${fd}`));
    } catch {
      // Closed while listing (the directory's own descriptor among them).
    }
  }
  return files;
}
