import { readdirSync, readFileSync } from 'node:fs';

/** Linux reports process times in clock ticks of 1/100 s (USER_HZ). */
const MS_PER_TICK = 10;

/**
 * CPU time (user + system, ms) of every `postgres` process this machine shows, and of those
 * of its processes that ended: the server a benchmark writes to when it runs here (the
 * embedded one, or a local DATABASE_URL). Null when none is visible (a remote server), so
 * that no figure is made up. Read between two points of a run; nothing else should use that
 * server meanwhile.
 */
export function postgresCpuMs(): number | null {
  let total = 0;
  let seen = false;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== 'postgres') continue;
    // Fields after the command name: state is the 1st; utime, stime, cutime, cstime the 12th
    // to 15th. cutime and cstime hold the children that ended (backends, autovacuum workers):
    // without them the total would drop whenever one exits.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    total += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * MS_PER_TICK;
    seen = true;
  }
  return seen ? total : null;
}
