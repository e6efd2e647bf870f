import fs from 'node:fs';
import path from 'node:path';

/** A secret the processes held, and what to call it in a finding (never the value itself). */
export interface Secret {
  label: string;
  value: string;
}

export interface LogAudit {
  files: number;
  /** Log records (JSON lines) read. */
  records: number;
  /** Lines that are not JSON, besides the soak's own `[soak]` notes and the chaos worker's `started`. */
  otherLines: string[];
  /** How many keys, tokens and secrets were looked for. */
  secretsLookedFor: number;
  /** "worker-1.log: the WB key of shop 12": where a secret showed up. */
  secretsFound: string[];
  /** Worker records that name a cabinet, and how many of them lack the job id (or the feed read id). */
  cabinetRecords: number;
  cabinetRecordsWithoutJob: number;
}

/**
 * The operator's view of a soak: every process log is read back after a run full of failures
 * (WB refusing, PostgreSQL gone, the bot down), which is when error paths print requests and
 * errors. No key, token or secret the processes held may appear in them, in whole or in part
 * (a JWT's signature is the part that must never leak), every line must be a JSON record, and a
 * worker's record about a cabinet must say which job (or order feed read) it belongs to.
 */
export function auditLogs(folder: string, secrets: Secret[]): LogAudit {
  const audit: LogAudit = {
    files: 0,
    records: 0,
    otherLines: [],
    secretsLookedFor: secrets.length,
    secretsFound: [],
    cabinetRecords: 0,
    cabinetRecordsWithoutJob: 0,
  };
  const needles = secrets.flatMap(({ label, value }) => {
    const signature = value.split('.').at(-1)!;
    return signature !== value && signature.length >= 16
      ? [
          { label, value },
          { label, value: signature },
        ]
      : [{ label, value }];
  });
  for (const name of fs.readdirSync(folder).filter((file) => file.endsWith('.log'))) {
    audit.files += 1;
    const text = fs.readFileSync(path.join(folder, name), 'utf8');
    const leaked = new Set(needles.filter(({ value }) => text.includes(value)).map(({ label }) => label));
    for (const label of leaked) audit.secretsFound.push(`${name}: ${label}`);
    for (const line of text.split('\n')) {
      if (line === '' || line === 'started' || line.startsWith('[soak] ')) continue;
      let record: Record<string, unknown>;
      try {
        record = JSON.parse(line) as Record<string, unknown>;
      } catch {
        audit.otherLines.push(`${name}: ${line.slice(0, 200)}`);
        continue;
      }
      audit.records += 1;
      if (name.startsWith('worker') && record.cabinetId !== undefined) {
        audit.cabinetRecords += 1;
        // A sync is a queue job; an order feed read has no job and names itself by its read id.
        if (record.jobId === undefined && record.feedReadId === undefined) audit.cabinetRecordsWithoutJob += 1;
      }
    }
  }
  return audit;
}
