// Moderation (methodists and admins): the materials and open lessons waiting for her (the chat's queues:
// her own left out, a district's methodist her district's teachers' only), each opened with the material
// itself in the page, approved or rejected with a reason by the same domain services as the chat's
// buttons: nobody moderates her own work, the verdict's conditional update decides, the author is told
// through the outbox. Another district's item answers 404, as one that does not exist.
import type { LessonView } from "../../domain/lessons/types.js";
import { DomainError, isDomainError } from "../../domain/errors.js";
import type { MaterialCard } from "../../domain/materials/index.js";
import type { User } from "../../domain/users.js";
import type { WebContext } from "../context.js";
import { Layout } from "../layout.js";
import { Message } from "../pages.js";
import { route, type Section } from "../routes.js";
import { LessonReview, MaterialReview, Queue } from "./pages.js";

const DONE = new Set(["material-approved", "material-rejected", "lesson-approved", "lesson-rejected"]);
/** Refusals that mean "not yours to see" rather than "not now": answered as not found. */
const HIDDEN = new Set(["material-not-found", "material-moderation-other-district", "lesson-not-found", "lesson-moderation-other-district"]);
const OWN = new Set(["material-moderation-own", "lesson-moderation-own"]);

type Outcome = { own: boolean; hidden: boolean };
/** What a check says about the item: hidden from her, her own, or fine (any other refusal is shown by the page). */
async function probe(check: () => Promise<unknown>): Promise<Outcome> {
  try {
    await check();
    return { own: false, hidden: false };
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return { own: OWN.has(e.code), hidden: HIDDEN.has(e.code) };
  }
}

export const moderationSection: Section = {
  id: "moderation",
  nav: { label: "web-nav-moderation", path: "/moderation", access: "methodist" },
  routes: (app) => {
    const { materials, lessons } = app.services;
    const zone = app.config.TIMEZONE;
    const notFound = (c: WebContext) =>
      c.html(<Message frame={c.var.frame} title={c.var.t("web-not-found-title")} text={c.var.t("web-moderation-not-found")} />, 404);
    const idOf = (c: WebContext) => {
      const id = Number(c.req.param("id"));
      return Number.isSafeInteger(id) && id > 0 ? id : null;
    };

    /** The material as she may review it (null: not hers to see). */
    async function material(user: User, id: number | null): Promise<{ card: MaterialCard; own: boolean } | null> {
      const card = id === null ? null : await materials.card(id, user);
      if (!card) return null;
      const p = await probe(() => materials.checkModerable(user, card.id));
      return p.hidden ? null : { card, own: p.own };
    }
    async function lesson(user: User, id: number | null): Promise<{ lesson: LessonView; own: boolean } | null> {
      if (id === null) return null;
      const l = await lessons.visibleTo(user, id).catch((e: unknown) => (isDomainError(e) ? null : Promise.reject(e)));
      if (!l) return null;
      const p = await probe(() => lessons.checkReviewable(user.id, id));
      return p.hidden ? null : { lesson: l, own: p.own };
    }

    const materialPage = (c: WebContext, found: { card: MaterialCard; own: boolean }, error?: string, reason?: string) =>
      c.html(
        <Layout frame={c.var.frame} title={found.card.title}>
          <p>
            <a href="/moderation">{c.var.t("web-moderation-back")}</a>
          </p>
          <h1>{found.card.title}</h1>
          <MaterialReview t={c.var.t} locale={c.var.locale} card={found.card} own={found.own} error={error} reason={reason} />
        </Layout>,
        error ? 400 : 200,
      );
    const lessonPage = (c: WebContext, found: { lesson: LessonView; own: boolean }, error?: string, reason?: string) =>
      c.html(
        <Layout frame={c.var.frame} title={found.lesson.topic}>
          <p>
            <a href="/moderation">{c.var.t("web-moderation-back")}</a>
          </p>
          <h1>{found.lesson.topic}</h1>
          <LessonReview t={c.var.t} locale={c.var.locale} zone={zone} lesson={found.lesson} own={found.own} error={error} reason={reason} />
        </Layout>,
        error ? 400 : 200,
      );

    /** Runs a verdict; a refusal re-renders the item with its text (nothing changed, her reason kept). */
    async function verdict(c: WebContext, act: () => Promise<unknown>, done: string, again: (error: string) => Promise<Response>): Promise<Response> {
      try {
        await act();
      } catch (e) {
        if (!isDomainError(e)) throw e;
        return again(c.var.t(`error-${e.code}`, e.args));
      }
      return c.redirect(`/moderation?done=${done}`, 303);
    }
    const text = (v: unknown) => (typeof v === "string" ? v : "");
    /** The lesson's version as she saw it (the page's hidden field). */
    const seenOf = (v: unknown) => (typeof v === "string" && /^\d{1,9}$/.test(v) ? Number(v) : null);

    return [
      route({
        method: "GET",
        path: "/moderation",
        access: "methodist",
        handler: async ({ c, user }) => {
          const { t, locale } = c.var;
          const done = c.req.query("done");
          const [m, l] = await Promise.all([materials.pendingList(user), lessons.queueList(user.id)]);
          return c.html(
            <Layout frame={c.var.frame} title={t("web-nav-moderation")}>
              <h1>{t("web-nav-moderation")}</h1>
              <Queue t={t} locale={locale} zone={zone} materials={m} lessons={l} done={done && DONE.has(done) ? done : undefined} />
            </Layout>,
          );
        },
      }),
      route({
        method: "GET",
        path: "/moderation/materials/:id",
        access: "methodist",
        handler: async ({ c, user }) => {
          const found = await material(user, idOf(c));
          return found ? materialPage(c, found) : notFound(c);
        },
      }),
      route({
        method: "POST",
        path: "/moderation/materials/:id/approve",
        access: "methodist",
        handler: async ({ c, user }) => {
          const id = idOf(c);
          const found = await material(user, id);
          if (!found || id === null) return notFound(c);
          return verdict(
            c,
            () => materials.approve(user, id),
            "material-approved",
            async (error) => materialPage(c, (await material(user, id)) ?? found, error),
          );
        },
      }),
      route({
        method: "POST",
        path: "/moderation/materials/:id/reject",
        access: "methodist",
        handler: async ({ c, user }) => {
          const id = idOf(c);
          const found = await material(user, id);
          if (!found || id === null) return notFound(c);
          const reason = text((await c.req.parseBody()).reason);
          return verdict(
            c,
            () => materials.reject(user, id, reason),
            "material-rejected",
            async (error) => materialPage(c, (await material(user, id)) ?? found, error, reason),
          );
        },
      }),
      route({
        method: "GET",
        path: "/moderation/lessons/:id",
        access: "methodist",
        handler: async ({ c, user }) => {
          const found = await lesson(user, idOf(c));
          return found ? lessonPage(c, found) : notFound(c);
        },
      }),
      route({
        method: "POST",
        path: "/moderation/lessons/:id/approve",
        access: "methodist",
        handler: async ({ c, user }) => {
          const id = idOf(c);
          const found = await lesson(user, id);
          if (!found || id === null) return notFound(c);
          const seen = seenOf((await c.req.parseBody()).seen);
          return verdict(
            c,
            async () => {
              if (seen === null) throw new DomainError("lesson-changed-under-review");
              await lessons.approve(user.id, id, seen);
            },
            "lesson-approved",
            async (error) => lessonPage(c, (await lesson(user, id)) ?? found, error),
          );
        },
      }),
      route({
        method: "POST",
        path: "/moderation/lessons/:id/reject",
        access: "methodist",
        handler: async ({ c, user }) => {
          const id = idOf(c);
          const found = await lesson(user, id);
          if (!found || id === null) return notFound(c);
          const body = await c.req.parseBody();
          const reason = text(body.reason);
          const seen = seenOf(body.seen);
          return verdict(
            c,
            async () => {
              if (seen === null) throw new DomainError("lesson-changed-under-review");
              await lessons.reject(user.id, id, reason, seen);
            },
            "lesson-rejected",
            async (error) => lessonPage(c, (await lesson(user, id)) ?? found, error, reason),
          );
        },
      }),
    ];
  },
};
