// What the monitoring pages share: the tabs, the line "as of … · count again · download", the
// links from a report's school rows to the school's page.
import type { Child } from "hono/jsx";
import { formatDateTime } from "../../domain/time.js";
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

export function SchoolLink(props: { id: number | undefined; name: string }) {
  return props.id === undefined ? <span>{props.name}</span> : <a href={`/monitoring/schools/${props.id}`}>{props.name}</a>;
}
