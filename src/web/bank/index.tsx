// The methodological bank (registered teachers): search by words with the chat's search service, filters
// by subject, type and grade, the best-rated list, a material's page with its votes, and its file
// through the proxy (file.ts). Published materials are the whole region's, as in the chat; a waiting or
// rejected one is only its author's and her moderators' (anyone else: 404).
import type { Context } from "hono";
import { isDomainError } from "../../domain/errors.js";
import { GRADES, isMaterialType, type BrowseFilter, type MaterialType, type TopPeriod } from "../../domain/materials/index.js";
import { searchKey } from "../../domain/materials/search.js";
import { Layout } from "../layout.js";
import { Message } from "../pages.js";
import { route, type Section } from "../routes.js";
import { fileResponse } from "./file.js";
import { gradeName, MaterialFacts, MaterialList, MaterialSource, subjectName, typeName } from "./material.js";
import { MATERIAL_TYPES } from "../../domain/materials/validate.js";
import type { WebContext, WebT } from "../context.js";

const PAGE = 20;
/** the chat's limit of a query (src/bot/features/materials/query.ts) */
const QUERY_MAX = 100;

interface Filters {
  q: string;
  subjectId?: number;
  type?: MaterialType;
  grade?: string;
  page: number;
}

/** The filters of the address, or the key of what is wrong with them. */
function readFilters(c: Context): Filters | { error: string } {
  const q = (c.req.query("q") ?? "").trim();
  if (q.length > QUERY_MAX * 3 || searchKey(q).length > QUERY_MAX) return { error: "web-bank-query-long" };
  const f: Filters = { q, page: 0 };
  const subject = c.req.query("subject") ?? "";
  if (subject) {
    if (!/^\d{1,9}$/.test(subject)) return { error: "web-bank-bad-filter" };
    f.subjectId = Number(subject);
  }
  const type = c.req.query("type") ?? "";
  if (type) {
    if (!isMaterialType(type)) return { error: "web-bank-bad-filter" };
    f.type = type;
  }
  const grade = c.req.query("grade") ?? "";
  if (grade) {
    if (!(GRADES as readonly string[]).includes(grade)) return { error: "web-bank-bad-filter" };
    f.grade = grade;
  }
  const page = c.req.query("page") ?? "";
  if (page) {
    if (!/^\d{1,4}$/.test(page)) return { error: "web-bank-bad-filter" };
    f.page = Number(page);
  }
  return f;
}

const query = (f: Partial<Filters>, page: number) => {
  const p = new URLSearchParams();
  if (f.q) p.set("q", f.q);
  if (f.subjectId !== undefined) p.set("subject", String(f.subjectId));
  if (f.type) p.set("type", f.type);
  if (f.grade) p.set("grade", f.grade);
  if (page) p.set("page", String(page));
  const s = p.toString();
  return s ? `?${s}` : "";
};

function Tabs(props: { t: WebT; current: "search" | "best" }) {
  return (
    <nav class="tabs">
      <a href="/bank" aria-current={props.current === "search" ? "page" : undefined}>
        {props.t("web-bank-tab-search")}
      </a>
      <a href="/bank/best" aria-current={props.current === "best" ? "page" : undefined}>
        {props.t("web-bank-tab-best")}
      </a>
    </nav>
  );
}

function SubjectSelect(props: {
  t: WebT;
  locale: string;
  subjects: { id: number; nameRu: string; nameEn: string; count: number }[];
  value?: number | undefined;
}) {
  return (
    <label>
      <span>{props.t("web-bank-subject")}</span>
      <select name="subject">
        <option value="">{props.t("web-bank-any")}</option>
        {props.subjects.map((s) => (
          <option value={String(s.id)} selected={s.id === props.value}>
            {`${subjectName(s, props.locale)} (${s.count})`}
          </option>
        ))}
      </select>
    </label>
  );
}

export const bankSection: Section = {
  id: "bank",
  nav: { label: "web-nav-bank", path: "/bank", access: "registered" },
  routes: (app) => {
    const { materials } = app.services;
    const bad = (c: WebContext, key: string, status: 400 | 404 = 400) =>
      c.html(<Message frame={c.var.frame} title={c.var.t(status === 404 ? "web-not-found-title" : "web-refused-title")} text={c.var.t(key)} />, status);

    return [
      route({
        method: "GET",
        path: "/bank",
        access: "registered",
        handler: async ({ c }) => {
          const { t, locale } = c.var;
          const f = readFilters(c);
          if ("error" in f) return bad(c, f.error);
          const filter: Partial<BrowseFilter> = { subjectId: f.subjectId, type: f.type, grade: f.grade };
          const [subjects, found] = await Promise.all([
            materials.subjectsWithMaterials(),
            f.q ? materials.search(f.q, f.page, PAGE, filter) : materials.browse(filter, f.page, PAGE),
          ]);
          const pages = Math.ceil(found.total / PAGE);
          return c.html(
            <Layout frame={c.var.frame} title={t("web-nav-bank")}>
              <h1>{t("web-nav-bank")}</h1>
              <Tabs t={t} current="search" />
              <form class="filters card" method="get" action="/bank">
                <label class="wide">
                  <span>{t("web-bank-query")}</span>
                  <input type="search" name="q" value={f.q} maxlength={QUERY_MAX} placeholder={t("web-bank-query-hint")} />
                </label>
                <SubjectSelect t={t} locale={locale} subjects={subjects} value={f.subjectId} />
                <label>
                  <span>{t("web-bank-type")}</span>
                  <select name="type">
                    <option value="">{t("web-bank-any")}</option>
                    {MATERIAL_TYPES.map((type) => (
                      <option value={type} selected={type === f.type}>
                        {typeName(t, type)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  <span>{t("web-bank-grade")}</span>
                  <select name="grade">
                    <option value="">{t("web-bank-any")}</option>
                    {GRADES.map((g) => (
                      <option value={g} selected={g === f.grade}>
                        {gradeName(t, g)}
                      </option>
                    ))}
                  </select>
                </label>
                <div class="actions">
                  <button type="submit">{t("web-bank-find")}</button>
                  <a href="/bank">{t("web-bank-reset")}</a>
                </div>
              </form>
              <p class="muted" data-total>
                {f.q ? t("web-bank-found", { count: found.total }) : t("web-bank-all", { count: found.total })}
              </p>
              {found.items.length ? <MaterialList t={t} items={found.items} id="materials" /> : <p class="card">{t("web-bank-nothing")}</p>}
              {pages > 1 ? (
                <nav class="pager actions">
                  {f.page > 0 ? <a href={`/bank${query(f, f.page - 1)}`}>{t("web-bank-prev")}</a> : null}
                  <span class="muted">{t("web-bank-page", { page: f.page + 1, pages })}</span>
                  {f.page + 1 < pages ? <a href={`/bank${query(f, f.page + 1)}`}>{t("web-bank-next")}</a> : null}
                </nav>
              ) : null}
            </Layout>,
          );
        },
      }),
      route({
        method: "GET",
        path: "/bank/best",
        access: "registered",
        handler: async ({ c }) => {
          const { t, locale } = c.var;
          const subject = c.req.query("subject") ?? "";
          const periodArg = c.req.query("period") ?? "all";
          if ((subject && !/^\d{1,9}$/.test(subject)) || (periodArg !== "all" && periodArg !== "month")) return bad(c, "web-bank-bad-filter");
          const period = periodArg as TopPeriod;
          const subjectId = subject ? Number(subject) : null;
          const [subjects, items] = await Promise.all([materials.subjectsWithMaterials(), materials.top(subjectId, period, PAGE)]);
          return c.html(
            <Layout frame={c.var.frame} title={t("web-bank-tab-best")}>
              <h1>{t("web-nav-bank")}</h1>
              <Tabs t={t} current="best" />
              <form class="filters card" method="get" action="/bank/best">
                <SubjectSelect t={t} locale={locale} subjects={subjects} value={subjectId ?? undefined} />
                <label>
                  <span>{t("web-bank-period")}</span>
                  <select name="period">
                    <option value="all" selected={period === "all"}>
                      {t("web-bank-period-all")}
                    </option>
                    <option value="month" selected={period === "month"}>
                      {t("web-bank-period-month")}
                    </option>
                  </select>
                </label>
                <div class="actions">
                  <button type="submit">{t("web-bank-show")}</button>
                </div>
              </form>
              <p class="muted">{t("web-bank-best-note")}</p>
              {items.length ? <MaterialList t={t} items={items} id="best" /> : <p class="card">{t("web-bank-best-nothing")}</p>}
            </Layout>,
          );
        },
      }),
      route({
        method: "GET",
        path: "/bank/materials/:id",
        access: "registered",
        handler: async ({ c, user }) => {
          const { t, locale } = c.var;
          const id = Number(c.req.param("id"));
          // opening counts a colleague's first look, as in the chat
          const card = Number.isSafeInteger(id) ? await materials.open(id, user).catch((e: unknown) => (isDomainError(e) ? null : Promise.reject(e))) : null;
          if (!card) return bad(c, "web-bank-not-found", 404);
          const mayVote = card.status === "approved" && card.author.id !== user.id;
          return c.html(
            <Layout frame={c.var.frame} title={card.title}>
              <p>
                <a href="/bank">{t("web-bank-back")}</a>
              </p>
              <h1>{card.title}</h1>
              <MaterialFacts t={t} card={card} locale={locale} />
              {mayVote ? (
                <form class="actions" method="post" action={`/bank/materials/${card.id}/vote`}>
                  <span>{t("web-bank-your-vote")}</span>
                  <button
                    type="submit"
                    name="value"
                    value="1"
                    class={card.myVote === 1 ? undefined : "secondary"}
                    aria-pressed={card.myVote === 1 ? "true" : "false"}
                  >
                    {`👍 ${t("web-bank-vote-up")}`}
                  </button>
                  <button
                    type="submit"
                    name="value"
                    value="-1"
                    class={card.myVote === -1 ? undefined : "secondary"}
                    aria-pressed={card.myVote === -1 ? "true" : "false"}
                  >
                    {`👎 ${t("web-bank-vote-down")}`}
                  </button>
                </form>
              ) : null}
              {card.status === "pending" && card.author.id !== user.id ? (
                <p>
                  <a href={`/moderation/materials/${card.id}`}>{t("web-bank-to-moderation")}</a>
                </p>
              ) : null}
              <MaterialSource t={t} card={card} />
            </Layout>,
          );
        },
      }),
      route({
        method: "POST",
        path: "/bank/materials/:id/vote",
        access: "registered",
        handler: async ({ c, user }) => {
          const id = Number(c.req.param("id"));
          const body = await c.req.parseBody();
          const value = body.value === "1" ? 1 : body.value === "-1" ? -1 : null;
          if (value === null) return bad(c, "web-bank-bad-vote");
          if (!Number.isSafeInteger(id) || !(await materials.card(id, user))) return bad(c, "web-bank-not-found", 404);
          try {
            await materials.vote(id, user.id, value);
          } catch (e) {
            if (isDomainError(e) && e.code === "material-not-found") return bad(c, "web-bank-not-found", 404);
            throw e;
          }
          return c.redirect(`/bank/materials/${id}`, 303);
        },
      }),
      route({
        method: "GET",
        path: "/bank/materials/:id/file",
        access: "registered",
        handler: async ({ c, user }) => {
          const id = Number(c.req.param("id"));
          // the card's rule: published for everyone, waiting only for its author and her moderators
          const card = Number.isSafeInteger(id) ? await materials.card(id, user) : null;
          if (!card?.fileId) return bad(c, "web-bank-not-found", 404);
          try {
            return (await fileResponse(app, card, c.req.query("download") === "1"))!;
          } catch (err) {
            app.deps.logger.warn({ err, material: id }, "material file not fetched from Telegram");
            return c.html(<Message frame={c.var.frame} title={c.var.t("web-refused-title")} text={c.var.t("web-bank-file-unavailable")} />, 502);
          }
        },
      }),
    ];
  },
};
