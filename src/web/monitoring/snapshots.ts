// The reports behind the monitoring pages, kept for WEB_REPORTS_MAX_AGE_SECONDS per scope and language
// (the numbers of a whole region take the domain services seconds to count; the tabs, the sorting, the
// school pages and the downloads of one visit then reuse one count). Requests that arrive while a report
// is being counted wait for that count instead of starting another. ?fresh=1 counts again.
import type { App } from "../../app.js";
import type { AttestationReport } from "../../domain/attestation/index.js";
import type { CourseCoverage } from "../../domain/coverage/index.js";
import { schoolsInScope, scopeOf } from "../../domain/scope.js";
import type { AdoptionReport } from "../../domain/adoption/index.js";
import type { User } from "../../domain/users.js";

export interface Snapshot<T> {
  report: T;
  /** when it was counted (the app's clock) */
  at: Date;
}

export interface Reports {
  coverage(actor: User, locale: string, fresh?: boolean): Promise<Snapshot<CourseCoverage>>;
  attestation(actor: User, locale: string, fresh?: boolean): Promise<Snapshot<AttestationReport>>;
  adoption(actor: User, locale: string, fresh?: boolean): Promise<Snapshot<AdoptionReport>>;
  /** the ids of the scope's schools, by district and name (the reports name schools, the links need ids) */
  schoolIds(actor: User, fresh?: boolean): Promise<Snapshot<SchoolIdOf>>;
}

export type SchoolIdOf = (row: { school: string; district: string | null }) => number | undefined;

export function createReports(app: App): Reports {
  const maxAgeMs = app.config.WEB_REPORTS_MAX_AGE_SECONDS * 1000;
  const kept = new Map<string, { born: number; value: Promise<Snapshot<unknown>> }>();
  function get<T>(kind: string, actor: User, locale: string, fresh: boolean, count: () => Promise<T>): Promise<Snapshot<T>> {
    // everything a report depends on: its kind, the actor's scope and the language of its names
    const key = `${kind}:${scopeOf(actor).districtId ?? "all"}:${locale}`;
    const now = performance.now();
    const hit = kept.get(key);
    if (hit && !fresh && now - hit.born < maxAgeMs) return hit.value as Promise<Snapshot<T>>;
    const at = app.deps.clock.now();
    const value = count().then((report) => ({ report, at }));
    kept.set(key, { born: now, value });
    // a failed count is not kept
    value.catch(() => kept.get(key)?.value === value && kept.delete(key));
    return value;
  }
  return {
    coverage: (actor, locale, fresh = false) => get("coverage", actor, locale, fresh, () => app.services.coverage.courses(actor, locale)),
    attestation: (actor, locale, fresh = false) => get("attestation", actor, locale, fresh, () => app.services.attestation.report(actor)),
    adoption: (actor, locale, fresh = false) => get("adoption", actor, locale, fresh, () => app.services.adoption.report(actor, locale)),
    schoolIds: (actor, fresh = false) =>
      get("schools", actor, "", fresh, async () => {
        const { items } = await app.services.directory.schoolPage(0, 100_000, schoolsInScope(scopeOf(actor)));
        const ids = new Map(items.map((s) => [`${s.district?.name ?? ""}\u0000${s.name}`, s.id]));
        return (row: { school: string; district: string | null }) => ids.get(`${row.district ?? ""}\u0000${row.school}`);
      }),
  };
}
