// api/helpers.go PolicyToEvaluate: the namespace labels that choose the enforce, audit and warn levels.
import type { Level } from './check';
import type { PolicyVersion } from './registry';

export interface LevelVersion {
  level: Level;
  version: PolicyVersion;
}

export interface Policy {
  enforce: LevelVersion;
  audit: LevelVersion;
  warn: LevelVersion;
  /** Label values the library could not parse, as `<label>: <value>`; they fail closed for enforce. */
  errors: string[];
}

const LATEST: PolicyVersion = { latest: true };
const PREFIX = 'pod-security.kubernetes.io/';

/** The API server's default AdmissionConfiguration: privileged:latest for every mode. */
const DEFAULT_LEVEL: LevelVersion = { level: 'privileged', version: LATEST };

function parseLevel(value: string): Level | null {
  return value === 'privileged' || value === 'baseline' || value === 'restricted' ? value : null;
}

function parseVersion(value: string): PolicyVersion | null {
  if (value === 'latest') return LATEST;
  const m = /^v1\.([0-9]|[1-9][0-9]*)$/.exec(value);
  return m ? { latest: false, minor: Number(m[1]) } : null;
}

const strictness = (l: Level) => ['privileged', 'baseline', 'restricted'].indexOf(l);

export const levelVersionString = (lv: LevelVersion) =>
  `${lv.level}:${lv.version.latest ? 'latest' : `v1.${lv.version.minor}`}`;

export function policyFromLabels(labels: Record<string, string>): Policy {
  const p: Policy = {
    enforce: { ...DEFAULT_LEVEL },
    audit: { ...DEFAULT_LEVEL },
    warn: { ...DEFAULT_LEVEL },
    errors: [],
  };
  const read = (mode: 'enforce' | 'audit' | 'warn', failLevel: Level): boolean => {
    const level = labels[`${PREFIX}${mode}`];
    const version = labels[`${PREFIX}${mode}-version`];
    let hasLevel = false;
    if (level !== undefined) {
      const parsed = parseLevel(level);
      if (parsed === null) p.errors.push(`${PREFIX}${mode}: ${level}`);
      p[mode].level = parsed ?? failLevel;
      hasLevel = parsed !== null;
    }
    if (version !== undefined) {
      const parsed = parseVersion(version);
      if (parsed === null) p.errors.push(`${PREFIX}${mode}-version: ${version}`);
      p[mode].version = parsed ?? LATEST;
    }
    return hasLevel;
  };
  // An unparseable enforce level fails closed (restricted); audit and warn fail open (privileged).
  const hasEnforceLevel = read('enforce', 'restricted');
  read('audit', 'privileged');
  const hasWarnLevel = labels[`${PREFIX}warn`] !== undefined;
  const hasWarnVersion = labels[`${PREFIX}warn-version`] !== undefined;
  read('warn', 'privileged');
  // Warn defaults to the enforce level when enforce is explicitly stricter.
  if (!hasWarnLevel && hasEnforceLevel && strictness(p.enforce.level) > strictness(p.warn.level)) {
    p.warn.level = p.enforce.level;
    if (!hasWarnVersion) p.warn.version = p.enforce.version;
  }
  return p;
}
