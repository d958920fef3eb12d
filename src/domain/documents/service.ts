// Documents a teacher takes away from the network: certificates of what she did (a material published,
// an open lesson given, a meeting attended), each with a number anyone can check, and her portfolio for
// the attestation file. Data only: the PDFs are drawn by src/pdf/, the check is shown by the bot and by
// src/web/verify/. A teacher gets her own documents; a methodist (or admin) any teacher's portfolio in
// her scope; nobody else anyone else's.
import { DateTime } from "luxon";
import type { Db } from "../../db/client.js";
import type { Clock } from "../clock.js";
import { DomainError } from "../errors.js";
import { reachesDistrict, scopeOf, usersInScope } from "../scope.js";
import { searchWords } from "../text.js";
import { isMethodistRole, type UserService } from "../users.js";
import { gatherPortfolio } from "./portfolio.js";
import { createDocumentRegistry, type Issuer } from "./registry.js";
import { holderOf, sourcesOf, type Holder } from "./sources.js";
import { academicYearOf, currentAcademicYear, parseSpan } from "./spans.js";
import type { Actor, Certificate, CertificateEntry, CertificateKind, FoundPerson, PortfolioData, Span, Verification } from "./types.js";

export interface DocumentDeps {
  clock: Clock;
  zone: string;
  issuer: Issuer;
  users: UserService;
}

export function createDocumentService(db: Db, deps: DocumentDeps) {
  const { clock, zone } = deps;
  const registry = createDocumentRegistry(db, clock, deps.issuer);
  deps.users.onErase((userId) => registry.forget(userId));

  /**
   * Whose documents the actor may have: her own; a methodist's or admin's, any registered person's
   * within her scope (a district's methodist, her district's). Returns the person as documents name her.
   */
  async function access(actor: Actor, personId: number): Promise<Holder> {
    const holder = await holderOf(db, personId);
    if (actor.id !== personId) {
      if (!isMethodistRole(actor.role)) throw new DomainError("documents-not-yours");
      if (!holder) throw new DomainError("user-not-found");
      const district =
        (await db.user.findUnique({ where: { id: personId }, select: { school: { select: { districtId: true } } } }))?.school?.districtId ?? null;
      if (!reachesDistrict(scopeOf(actor), district)) throw new DomainError("documents-other-district");
    }
    if (!holder) throw new DomainError("user-not-found");
    return holder;
  }

  const day = (d: Date) => DateTime.fromJSDate(d, { zone }).toFormat("dd.MM.yyyy");

  return {
    access,

    /**
     * «Мои документы»: everything she can have a certificate for, newest first, with the numbers issued
     * so far; a lesson still being rated says from when.
     */
    async entries(actor: Actor): Promise<CertificateEntry[]> {
      await access(actor, actor.id);
      const sources = await sourcesOf(db, clock.now(), actor.id);
      const numbers = await registry.numbers(sources.map((s) => s.sourceKey));
      return sources.map((s) => ({
        kind: s.kind,
        id: s.id,
        title: s.title,
        eventAt: s.eventAt,
        number: numbers.get(s.sourceKey) ?? null,
        availableFrom: s.availableFrom,
      }));
    },

    /**
     * Her certificate for one thing she did, issued the first time it is asked for (the same number
     * ever after). Refused for what is not hers or did not happen (not published, not held, not marked
     * present), and for a lesson whose rating window is still open (with the day it closes).
     */
    async certificate(actor: Actor, kind: CertificateKind, id: number): Promise<Certificate> {
      const holder = await access(actor, actor.id);
      const [source] = await sourcesOf(db, clock.now(), actor.id, undefined, { kind, id });
      if (!source) throw new DomainError(`documents-none-${kind}`);
      if (source.availableFrom) throw new DomainError("documents-lesson-later", { day: day(source.availableFrom) });
      const [certificate] = await registry.issue(holder, [source]);
      return certificate!;
    },

    /**
     * A person's portfolio for a span: her record and the certificates of everything in it (issued now
     * where they were not yet, so that each number listed can be checked). Her own, or, for a
     * methodist, anyone's in her scope.
     */
    async portfolio(actor: Actor, personId: number, span: Span): Promise<PortfolioData> {
      const holder = await access(actor, personId);
      const now = clock.now();
      const record = await gatherPortfolio(db, now, personId, span);
      if (!record) throw new DomainError("user-not-found");
      const certificates = await registry.issue(holder, (await sourcesOf(db, now, personId, span)).reverse());
      return { ...record, certificates, generatedAt: now, issuer: deps.issuer.name, issuerEn: deps.issuer.nameEn };
    },

    /** The check of a certificate number (anyone may ask: the bot's /verify and the public page). */
    verify(text: string): Promise<Verification> {
      return registry.verify(text);
    },

    /** Spans a portfolio is asked for: the academic year that began in `startYear`, the current one's year, a typed span. */
    spans: {
      year: (startYear: number): Span => academicYearOf(startYear, zone),
      currentYear: (): number => currentAcademicYear(clock.now(), zone),
      parse: (text: string): Span => parseSpan(text, zone),
    },

    /**
     * A methodist looks for a teacher by name (words of it, any order): registered people of her scope,
     * the first `limit` by name, and how many matched.
     */
    async findPeople(actor: Actor, query: string, limit = 10): Promise<{ people: FoundPerson[]; total: number }> {
      if (!isMethodistRole(actor.role)) throw new DomainError("forbidden");
      const words = searchWords(query);
      if (!words.length) return { people: [], total: 0 };
      const where = {
        AND: [{ registeredAt: { not: null } }, usersInScope(scopeOf(actor)), ...words.map((w) => ({ searchName: { contains: w } }))],
      };
      const [rows, total] = await Promise.all([
        db.user.findMany({
          where,
          take: limit,
          orderBy: [{ fullName: "asc" }, { id: "asc" }],
          select: { id: true, fullName: true, school: { select: { name: true, district: { select: { name: true } } } } },
        }),
        db.user.count({ where }),
      ]);
      return {
        people: rows.map((u) => ({ id: u.id, name: u.fullName ?? "—", school: u.school?.name ?? null, district: u.school?.district?.name ?? null })),
        total,
      };
    },
  };
}

export type DocumentService = ReturnType<typeof createDocumentService>;
