// The materials bank (методическая копилка): teachers share files and links, methodists moderate them,
// everyone finds them by subject, type, grade or words, and votes bring the best to the top.
import type { Db, DbProvider } from "../../db/client.js";
import type { Material } from "../../generated/sqlite/client.js";
import type { Clock } from "../clock.js";
import { DomainError } from "../errors.js";
import type { Outbox } from "../outbox.js";
import { normalizeSearch } from "../text.js";
import { isMethodistRole, type User } from "../users.js";
import {
  checkDocument,
  GRADES,
  MATERIAL_TYPES,
  normalizeGrades,
  splitGrades,
  validateDescription,
  validateTitle,
  validateUrl,
  type MaterialDraft,
  type MaterialType,
} from "./validate.js";
import { reachesDistrict, scopeOf } from "../scope.js";
import { createMaterialModeration, districtOfSchool } from "./moderation.js";
import { BEST_FIRST, createMaterialSearch, gradeWhere } from "./search.js";
import type { BrowseFilter, ListItem, MaterialCard, Page, TopPeriod, Viewer } from "./types.js";
import { createMaterialVotes } from "./votes.js";

const MONTH_MS = 30 * 24 * 3600_000;
const LIST_SELECT = { id: true, title: true, type: true, status: true, upVotes: true, downVotes: true, score: true, views: true } as const;

export interface MaterialDeps {
  provider: DbProvider;
  clock: Clock;
  outbox: Outbox;
}

export function createMaterialService(db: Db, deps: MaterialDeps) {
  const { clock, outbox } = deps;
  const searchIds = createMaterialSearch(db, deps.provider);
  const votes = createMaterialVotes(db, clock);
  const moderation = createMaterialModeration(db, clock, outbox);

  async function load(id: number, viewerId: number): Promise<MaterialCard | null> {
    const m = await db.material.findUnique({
      where: { id },
      include: {
        author: { select: { id: true, fullName: true, school: { select: { name: true } } } },
        subject: { select: { id: true, nameRu: true, nameEn: true } },
        votes: { where: { userId: viewerId }, select: { value: true } },
      },
    });
    if (!m) return null;
    return {
      id: m.id,
      title: m.title,
      description: m.description,
      type: m.type,
      grades: splitGrades(m.grades),
      subject: m.subject,
      author: { id: m.author.id, fullName: m.author.fullName ?? "—" },
      school: m.author.school?.name ?? null,
      fileKind: m.fileKind,
      fileId: m.fileId,
      fileName: m.fileName,
      mimeType: m.mimeType,
      url: m.url,
      status: m.status,
      rejectReason: m.rejectReason,
      views: m.views,
      upVotes: m.upVotes,
      downVotes: m.downVotes,
      score: m.score,
      myVote: m.votes[0]?.value ?? 0,
    };
  }

  /**
   * Who may see a material: everyone once approved; before that its author and the methodists who
   * moderate her materials (a district's methodist, those of her district's teachers).
   */
  const canSee = async (card: MaterialCard, viewer: Viewer): Promise<boolean> =>
    card.status === "approved" ||
    card.author.id === viewer.id ||
    (isMethodistRole(viewer.role) && reachesDistrict(scopeOf(viewer), await districtOfSchool(db, card.author.id)));

  /** Records that a person has seen a material; false when she had already (the primary key refuses a second row). */
  async function firstLook(materialId: number, userId: number): Promise<boolean> {
    if (await db.materialView.findUnique({ where: { materialId_userId: { materialId, userId } }, select: { userId: true } })) return false;
    try {
      await db.materialView.create({ data: { materialId, userId, createdAt: clock.now() } });
      return true;
    } catch (e) {
      // P2002: the same person's other tap got there first (P2003: the material was deleted meanwhile)
      if ((e as { code?: string }).code === "P2002" || (e as { code?: string }).code === "P2003") return false;
      throw e;
    }
  }

  async function listItems(ids: number[]): Promise<ListItem[]> {
    const rows = await db.material.findMany({ where: { id: { in: ids } }, select: LIST_SELECT });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  const service = {
    ...votes,
    ...moderation,

    /**
     * Validates a draft completely (the conversation has checked each answer already) and queues it for
     * moderation; the methodists are told. Nobody moderates her own work: a methodist's (or admin's)
     * material is published at once, approved by her, and nobody is asked to review it.
     */
    async submit(author: Pick<User, "id" | "fullName">, draft: MaterialDraft): Promise<Material> {
      const title = validateTitle(draft.title);
      const description = validateDescription(draft.description);
      const grades = normalizeGrades(draft.grades);
      if (!(await db.subject.findUnique({ where: { id: draft.subjectId }, select: { id: true } }))) throw new DomainError("subject-not-found");
      const source =
        "url" in draft.source
          ? { url: validateUrl(draft.source.url) }
          : (() => {
              const f = draft.source.file;
              if (f.kind === "document") checkDocument(f);
              return {
                fileId: f.fileId,
                fileUniqueId: f.fileUniqueId,
                fileKind: f.kind,
                fileName: f.fileName ?? null,
                mimeType: f.mimeType ?? null,
                fileSize: f.fileSize ?? null,
              };
            })();
      const now = clock.now();
      // the role as it is now, not as the caller last saw it
      const role = (await db.user.findUnique({ where: { id: author.id }, select: { role: true } }))?.role;
      const publishes = isMethodistRole(role);
      const material = await db.material.create({
        data: {
          authorId: author.id,
          subjectId: draft.subjectId,
          type: draft.type,
          title,
          description,
          grades,
          ...source,
          searchText: normalizeSearch(`${title} ${description}`),
          createdAt: now,
          ...(publishes ? { status: "approved" as const, moderatedById: author.id, moderatedAt: now } : { status: "pending" as const }),
        },
      });
      // an approval's only side effect is the notice to the author, and she knows already
      if (publishes) return material;
      // those who moderate her materials are asked: a district's methodists and those of the whole deployment
      const district = await districtOfSchool(db, author.id);
      const methodists = await db.user.findMany({
        where: { role: { in: ["methodist", "admin"] }, registeredAt: { not: null } },
        select: { id: true, role: true, districtId: true },
      });
      await outbox.notify(
        methodists
          .filter((m) => m.id !== author.id && reachesDistrict(scopeOf(m), district))
          .map((m) => ({
            userId: m.id,
            key: "material-notice-pending",
            vars: { title, author: author.fullName ?? "—" },
            buttons: [[{ key: "material-moderate-open", action: { do: "material-queue" } }]],
            dedupeKey: `material:pending:${material.id}:${m.id}`,
            groupId: `material:pending:${material.id}`,
          })),
      );
      return material;
    },

    /** A card for a viewer, or null when it does not exist or is not theirs to see. */
    async card(id: number, viewer: Viewer): Promise<MaterialCard | null> {
      const card = await load(id, viewer.id);
      return card && (await canSee(card, viewer)) ? card : null;
    },

    /**
     * Opens a card. Views count colleagues, not taps: a published material's first look by someone other
     * than its author adds a row (unique per material and person) and only then one view, so opening it
     * again, or twice at once, counts nothing more.
     */
    async open(id: number, viewer: Viewer): Promise<MaterialCard> {
      const card = await service.card(id, viewer);
      if (!card) throw new DomainError("material-not-found");
      if (card.status === "approved" && card.author.id !== viewer.id && (await firstLook(id, viewer.id))) {
        await db.material.updateMany({ where: { id }, data: { views: { increment: 1 } } });
        card.views++;
      }
      return card;
    },

    /** The author deletes her material (its votes go with it). */
    async remove(materialId: number, userId: number): Promise<void> {
      const r = await db.material.deleteMany({ where: { id: materialId, authorId: userId } });
      if (r.count === 0) throw new DomainError("material-not-found");
    },

    async mine(userId: number, page: number, size: number): Promise<Page<ListItem>> {
      const where = { authorId: userId };
      const [items, total] = await Promise.all([
        db.material.findMany({ where, select: LIST_SELECT, orderBy: { id: "desc" }, skip: page * size, take: size }),
        db.material.count({ where }),
      ]);
      return { items, total };
    },

    subject(id: number): Promise<{ id: number; nameRu: string; nameEn: string } | null> {
      return db.subject.findUnique({ where: { id }, select: { id: true, nameRu: true, nameEn: true } });
    },

    /** Subjects that have published materials, with how many. */
    async subjectsWithMaterials(): Promise<{ id: number; nameRu: string; nameEn: string; count: number }[]> {
      const groups = await db.material.groupBy({ by: ["subjectId"], where: { status: "approved" }, _count: { _all: true } });
      const counts = new Map(groups.map((g) => [g.subjectId, g._count._all]));
      const subjects = await db.subject.findMany({ where: { id: { in: [...counts.keys()] } }, orderBy: [{ sortOrder: "asc" }, { nameRu: "asc" }] });
      return subjects.map((s) => ({ id: s.id, nameRu: s.nameRu, nameEn: s.nameEn, count: counts.get(s.id) ?? 0 }));
    },

    /** Types present among a subject's published materials, with counts (in the order of MATERIAL_TYPES). */
    async typesOf(subjectId: number): Promise<{ type: MaterialType; count: number }[]> {
      const groups = await db.material.groupBy({ by: ["type"], where: { status: "approved", subjectId }, _count: { _all: true } });
      // neither database keeps that order by itself (SQLite's groupBy sorts by name, PostgreSQL's by chance)
      return groups.map((g) => ({ type: g.type, count: g._count._all })).sort((a, b) => MATERIAL_TYPES.indexOf(a.type) - MATERIAL_TYPES.indexOf(b.type));
    },

    /** Grades present among the published materials of a subject (and type), with counts. */
    async gradesOf(subjectId: number, type?: MaterialType): Promise<{ grade: string; count: number }[]> {
      const rows = await db.material.findMany({ where: { status: "approved", subjectId, ...(type ? { type } : {}) }, select: { grades: true } });
      const counts = new Map<string, number>();
      for (const r of rows) for (const g of splitGrades(r.grades)) counts.set(g, (counts.get(g) ?? 0) + 1);
      return GRADES.filter((g) => counts.has(g)).map((grade) => ({ grade, count: counts.get(grade)! }));
    },

    /** Published materials of a subject (type, grade), best first. */
    async browse(filter: BrowseFilter, page: number, size: number): Promise<Page<ListItem>> {
      const where = {
        status: "approved" as const,
        ...(filter.subjectId === undefined ? {} : { subjectId: filter.subjectId }),
        ...(filter.type ? { type: filter.type } : {}),
        ...(filter.grade ? gradeWhere(filter.grade) : {}),
      };
      const [items, total] = await Promise.all([
        db.material.findMany({ where, select: LIST_SELECT, orderBy: BEST_FIRST, skip: page * size, take: size }),
        db.material.count({ where }),
      ]);
      return { items, total };
    },

    /** Published materials of the grades the query names whose title and description contain its other words (see search.ts). */
    async search(query: string, page: number, size: number, filter: Partial<BrowseFilter> = {}): Promise<Page<ListItem>> {
      const { ids, total } = await searchIds(query, page, size, filter);
      return { items: await listItems(ids), total };
    },

    /**
     * The best of a subject (null: of every subject): of all time, or among those published in the last 30 days. Only materials
     * that colleagues rated up at least once; ranked by the Wilson lower bound.
     */
    async top(subjectId: number | null, period: TopPeriod, limit = 10): Promise<ListItem[]> {
      const since = new Date(clock.now().getTime() - MONTH_MS);
      return db.material.findMany({
        where: {
          status: "approved",
          ...(subjectId === null ? {} : { subjectId }),
          upVotes: { gt: 0 },
          ...(period === "month" ? { moderatedAt: { gte: since } } : {}),
        },
        select: LIST_SELECT,
        orderBy: BEST_FIRST,
        take: limit,
      });
    },
  };

  return service;
}

export type MaterialService = ReturnType<typeof createMaterialService>;
