// The certificate registry: a certificate is issued once per thing done (the same number however often
// it is downloaded), with a random number and a snapshot of what it says; the check by number reads it
// back and says whether what it certifies still stands.
import type { Db } from "../../db/client.js";
import type { Certificate as Row } from "../../generated/sqlite/client.js";
import type { Clock } from "../clock.js";
import { formatNumber, newCertificateNumber, parseNumber } from "./number.js";
import type { Holder, Snapshot } from "./sources.js";
import type { Caveat, Certificate, CertificateDetails, Verification } from "./types.js";

export interface Issuer {
  name: string;
  nameEn: string;
}

/** rows per query (IN lists, batch inserts) */
const CHUNK = 500;
/** fresh numbers tried for one certificate when a number is taken (55 random bits: never twice in practice) */
const NUMBER_TRIES = 5;

const isUnique = (e: unknown) => (e as { code?: string }).code === "P2002";

export function toCertificate(row: Row): Certificate {
  return {
    number: formatNumber(row.number),
    kind: row.kind,
    holderName: row.holderName,
    schoolName: row.schoolName,
    title: row.title,
    details: JSON.parse(row.details) as CertificateDetails,
    eventAt: row.eventAt,
    approvedByName: row.approvedByName,
    issuer: row.issuer,
    issuerEn: row.issuerEn,
    issuedAt: row.issuedAt,
  };
}

export function createDocumentRegistry(db: Db, clock: Clock, issuer: Issuer) {
  async function existing(keys: string[]): Promise<Map<string, Row>> {
    const out = new Map<string, Row>();
    for (let i = 0; i < keys.length; i += CHUNK) {
      for (const r of await db.certificate.findMany({ where: { sourceKey: { in: keys.slice(i, i + CHUNK) } } })) out.set(r.sourceKey, r);
    }
    return out;
  }

  /** One certificate, alone: what another request issued meanwhile is kept; a number taken is drawn again. */
  async function createOne(data: Omit<Row, "id">): Promise<void> {
    for (let i = 0; i < NUMBER_TRIES; i++) {
      if (await db.certificate.findUnique({ where: { sourceKey: data.sourceKey }, select: { id: true } })) return;
      try {
        await db.certificate.create({ data: { ...data, number: i === 0 ? data.number : newCertificateNumber() } });
        return;
      } catch (e) {
        if (!isUnique(e)) throw e;
      }
    }
    throw new Error(`no free certificate number after ${NUMBER_TRIES} tries`);
  }

  return {
    /**
     * Issues certificates for what the holder did (snapshots not available yet are skipped); those
     * issued before stay as they are. Returns them in the snapshots' order. Many at once (a portfolio)
     * go in batches; a batch that meets a taken number or a concurrent issue falls back to one by one.
     */
    async issue(holder: Holder, snapshots: Snapshot[]): Promise<Certificate[]> {
      const ready = snapshots.filter((s) => !s.availableFrom);
      const have = await existing(ready.map((s) => s.sourceKey));
      const now = clock.now();
      const rows: Omit<Row, "id">[] = ready
        .filter((s) => !have.has(s.sourceKey))
        .map((s) => ({
          number: newCertificateNumber(),
          kind: s.kind,
          sourceKey: s.sourceKey,
          holderId: holder.id,
          materialId: s.kind === "material" ? s.id : null,
          lessonId: s.kind === "lesson" ? s.id : null,
          meetingId: s.kind === "meeting" ? s.id : null,
          holderName: holder.name,
          schoolName: holder.school,
          title: s.title,
          details: JSON.stringify(s.details),
          eventAt: s.eventAt,
          approvedById: s.approvedById,
          approvedByName: s.approvedByName,
          issuer: issuer.name,
          issuerEn: issuer.nameEn,
          issuedAt: now,
          erasedAt: null,
        }));
      if (rows.length) {
        try {
          for (let i = 0; i < rows.length; i += CHUNK) await db.certificate.createMany({ data: rows.slice(i, i + CHUNK) });
        } catch (e) {
          if (!isUnique(e)) throw e;
          for (const r of rows) await createOne(r);
        }
        for (const [k, r] of await existing(rows.map((r) => r.sourceKey))) have.set(k, r);
      }
      return ready.map((s) => toCertificate(have.get(s.sourceKey)!));
    },

    /** The numbers already issued for these things (source keys), formatted. */
    async numbers(keys: string[]): Promise<Map<string, string>> {
      return new Map([...(await existing(keys))].map(([k, r]) => [k, formatNumber(r.number)]));
    },

    /**
     * The check of a number as typed or scanned: not a number at all, unknown, withdrawn (its holder
     * erased her data), or genuine, with what it certifies and whether that still stands (the material
     * removed since, the lesson gone, the attendance mark taken back).
     */
    async verify(text: string): Promise<Verification> {
      const number = parseNumber(text);
      if (!number) return { status: "malformed" };
      const row = await db.certificate.findUnique({
        where: { number },
        include: { material: { select: { status: true } }, lesson: { select: { status: true } }, meeting: { select: { status: true } } },
      });
      if (!row) return { status: "unknown", number: formatNumber(number) };
      if (row.erasedAt || row.holderId === null) return { status: "withdrawn", number: formatNumber(number), issuedAt: row.issuedAt };
      let caveat: Caveat | null = null;
      if (row.kind === "material" && row.material?.status !== "approved") caveat = "material-removed";
      if (row.kind === "lesson" && row.lesson?.status !== "approved") caveat = "lesson-removed";
      if (row.kind === "meeting") {
        const rsvp =
          row.meetingId === null
            ? null
            : await db.meetingRsvp.findUnique({ where: { meetingId_userId: { meetingId: row.meetingId, userId: row.holderId } }, select: { attended: true } });
        if (row.meeting?.status !== "scheduled" || rsvp?.attended !== true) caveat = "attendance-withdrawn";
      }
      return { status: "genuine", certificate: toCertificate(row), caveat };
    },

    /**
     * Before a person's data is erased (152-ФЗ): her certificates keep their numbers, so that a printed
     * one checks as withdrawn rather than unknown, but say nothing about her any more; certificates she
     * approved as a methodist no longer name her.
     */
    async forget(userId: number): Promise<void> {
      await db.certificate.updateMany({
        where: { holderId: userId },
        data: { holderName: "", schoolName: null, title: "", details: "{}", erasedAt: clock.now() },
      });
      await db.certificate.updateMany({ where: { approvedById: userId }, data: { approvedByName: null } });
    },
  };
}

export type Registry = ReturnType<typeof createDocumentRegistry>;
