/** One line of `/healthz`. */
export interface HealthResult {
  ok: boolean;
  /** Plain words: what is wrong and, where there is one, what to do. */
  detail: string;
  /** Not up yet but expected to be soon (a robot base still connecting after start): not a fault. */
  starting?: boolean;
}

export interface HealthCheck {
  name: string;
  /** `ok` false marks the bridge degraded (or starting); `/healthz` still answers 200 so operators can read why. */
  check(): HealthResult;
}

export type HealthStatus = 'ok' | 'starting' | 'degraded';

export interface HealthReport {
  status: HealthStatus;
  /** One sentence saying why the status is what it is. */
  summary: string;
  version: string;
  uptime_s: number;
  checks: ({ name: string } & HealthResult)[];
}

/** Runs every check: a fault makes the bridge degraded; only "still starting" checks make it starting. */
export function healthReport(checks: readonly HealthCheck[], version: string, startedAt: Date): HealthReport {
  const results = checks.map((h) => ({ name: h.name, ...h.check() }));
  const faults = results.filter((r) => !r.ok && !r.starting);
  const starting = results.filter((r) => !r.ok && r.starting);
  const status: HealthStatus = faults.length > 0 ? 'degraded' : starting.length > 0 ? 'starting' : 'ok';
  const why = (rs: typeof results) => rs.map((r) => `${r.name}: ${r.detail}`).join('; ');
  const summary =
    status === 'ok'
      ? 'all checks pass'
      : status === 'starting'
        ? `still starting (${why(starting)})`
        : `degraded (${why(faults)})${starting.length ? `; still starting (${why(starting)})` : ''}`;
  return {
    status,
    summary,
    version,
    uptime_s: Math.round((Date.now() - startedAt.getTime()) / 1000),
    checks: results,
  };
}
