// What the monitoring pages share: the tabs, the line "as of … · count again · download", the
// links from a report's school rows to the school's page.
import type { Child } from "hono/jsx";
import type { App } from "../../app.js";
import { schoolsInScope, scopeOf } from "../../domain/scope.js";
import { formatDateTime } from "../../domain/time.js";
import type { User } from "../../domain/users.js";
import type { WebT } from "../context.js";

export const TABS = ["coverage", "attestation", "teachers"] as const;
export type Tab = (typeof TABS)[number];

export function Tabs(props: { t: WebT; current: Tab }) {
  return (
    <nav class="tabs">
      {TABS.map((tab) => (
        <a href={`/monitoring/${tab}`} aria-current={tab === props.current ? "page" : undefined}>
          {props.t(`web-monitoring-tab-${tab}`)}
        </a>
      ))}
    </nav>
  );
}

export function Actions(props: { t: WebT; tab: Tab; at: Date; locale: string; zone: string }) {
  const { t } = props;
  return (
    <div class="actions">
      <a class="button" href={`/monitoring/${props.tab}.xlsx`} download>
        {t("web-monitoring-download")}
      </a>
      <span class="muted">{t("web-monitoring-as-of", { time: formatDateTime(props.at, props.locale, props.zone) })}</span>
      <a href={`/monitoring/${props.tab}?fresh=1`}>{t("web-monitoring-recount")}</a>
    </div>
  );
}

export function Figures(props: { items: [label: string, value: Child][] }) {
  return (
    <div class="figures">
      {props.items.map(([label, value]) => (
        <div class="figure">
          <b>{value}</b>
          <span class="muted">{label}</span>
        </div>
      ))}
    </div>
  );
}

export type SchoolIdOf = (row: { school: string; district: string | null }) => number | undefined;

/** The ids of the schools of the actor's scope, by district and name (as the reports name them). */
export async function schoolIds(app: App, actor: User): Promise<SchoolIdOf> {
  const { items } = await app.services.directory.schoolPage(0, 100_000, schoolsInScope(scopeOf(actor)));
  const ids = new Map(items.map((s) => [`${s.district?.name ?? ""}\u0000${s.name}`, s.id]));
  return (row) => ids.get(`${row.district ?? ""}\u0000${row.school}`);
}

export function SchoolLink(props: { id: number | undefined; name: string }) {
  return props.id === undefined ? <span>{props.name}</span> : <a href={`/monitoring/schools/${props.id}`}>{props.name}</a>;
}
