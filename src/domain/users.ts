// People: registration (with consent), profile, roles, erasure on request (152-ФЗ).
import type { Db } from "../db/client.js";
import type { HotRows } from "../db/hot-rows.js";
import { updateUserRow, type UserRowChange } from "../db/hot-user.js";
import type { Prisma, Role, User } from "../generated/sqlite/client.js";
import type { Clock } from "./clock.js";
import { DomainError } from "./errors.js";
import type { Notice } from "./outbox.js";
import { cleanText, normalizeSearch, searchWords } from "./text.js";

export type { Role, User };

export interface Profile extends User {
  /** her school and, in a regional deployment, its district */
  school: { id: number; name: string; district: { id: number; name: string } | null } | null;
  subjects: { id: number; code: string; nameRu: string; nameEn: string }[];
}

/** someone the admin's search found, with what tells namesakes apart: her school and its district */
export type SearchedPerson = User & { school: { name: string; district: { name: string } | null } | null };

export interface RegistrationInput {
  telegramId: number;
  username?: string | undefined;
  fullName: string;
  language: string;
  schoolId: number;
  subjectIds: number[];
  consentAt: Date;
}

export type ProfileChange =
  | { fullName: string }
  | { schoolId: number }
  | { subjectIds: number[] }
  | { language: string }
  | { notifyNewCourses: boolean }
  | { muteAnnouncements: boolean };

const NAME_PART = /^[\p{L}][\p{L}'’-]*$/u;

/** A full name as people write it on forms: 2–4 words of letters (hyphens and apostrophes allowed). */
export function validateFullName(input: string): string {
  const name = cleanText(input);
  if (name.length > 120) throw new DomainError("name-too-long", { max: 120 });
  const parts = name.split(" ");
  if (!parts.every((p) => NAME_PART.test(p))) throw new DomainError("name-bad-chars");
  if (parts.length < 2 || name.length < 5) throw new DomainError("name-too-short");
  if (parts.length > 4) throw new DomainError("name-too-many-words");
  // the root locale's upper case is Russian's (see normalizeSearch)
  return parts.map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join(" ");
}

export const isMethodistRole = (role: Role | undefined | null) => role === "methodist" || role === "admin";

type EraseHook = (userId: number) => Promise<void>;

/**
 * An admin added to or removed from the config is told at the next start, and the notice brings the
 * main menu of her new role (the command menu follows in syncCommands). One notice per change, however
 * many replicas start: the key names the row as it was before the change.
 */
export function adminChangeNotices(changed: { demoted: User[]; promoted: User[] }): Notice[] {
  return [...changed.promoted, ...changed.demoted]
    .filter((u) => u.registeredAt)
    .map((u) => ({
      userId: u.id,
      key: u.role === "admin" ? "role-admin-granted-notice" : "role-admin-revoked-notice",
      mainMenu: u.role,
      dedupeKey: `admin-config:${u.id}:${u.role}:${u.updatedAt.getTime()}`,
    }));
}

export function createUserService(db: Db, clock: Clock, opts: { adminTelegramIds: number[]; hot?: HotRows }) {
  const cache = opts.hot?.users;
  const admins = new Set(opts.adminTelegramIds.map(String));
  const eraseHooks: EraseHook[] = [];
  const roleFor = (telegramId: number | bigint, current?: Role): Role =>
    admins.has(String(telegramId)) ? "admin" : current === "admin" ? "teacher" : (current ?? "teacher");

  async function ensureDirectoryIds(schoolId: number | undefined, subjectIds: number[] | undefined) {
    if (schoolId !== undefined && !(await db.school.findUnique({ where: { id: schoolId }, select: { id: true } }))) {
      throw new DomainError("school-not-found");
    }
    if (subjectIds !== undefined) {
      if (subjectIds.length === 0) throw new DomainError("subjects-empty");
      const found = await db.subject.count({ where: { id: { in: subjectIds } } });
      if (found !== new Set(subjectIds).size) throw new DomainError("subject-not-found");
    }
  }

  /** Her own row's columns: on SQLite one hand-written statement that keeps her cached row (src/db/hot-user.ts). */
  async function updateRow(userId: number, data: UserRowChange): Promise<User> {
    return (await updateUserRow(opts.hot, userId, data)) ?? db.user.update({ where: { id: userId }, data });
  }

  const service = {
    isAdminTelegramId: (telegramId: number | bigint) => admins.has(String(telegramId)),

    /** The person behind an update (every update asks): from memory where that is exact (see src/db/hot-rows.ts). */
    async byTelegramId(telegramId: number | bigint): Promise<User | null> {
      const key = String(telegramId);
      const cached = cache?.get(key);
      if (cached) return cached.value as User | null;
      const ticket = cache?.ticket() ?? 0;
      const user = await db.user.findUnique({ where: { telegramId: BigInt(telegramId) } });
      cache?.set(key, user, ticket);
      return user;
    },

    byId(id: number): Promise<User | null> {
      return db.user.findUnique({ where: { id } });
    },

    async profile(userId: number): Promise<Profile | null> {
      const u = await db.user.findUnique({
        where: { id: userId },
        include: {
          school: { select: { id: true, name: true, district: { select: { id: true, name: true } } } },
          subjects: { include: { subject: { select: { id: true, code: true, nameRu: true, nameEn: true, sortOrder: true } } } },
        },
      });
      if (!u) return null;
      const subjects = u.subjects
        .map((s) => s.subject)
        .sort((a, b) => a.sortOrder - b.sortOrder || a.nameRu.localeCompare(b.nameRu, "ru"))
        .map(({ sortOrder: _, ...s }) => s);
      return { ...u, subjects };
    },

    /** Stores a teacher who agreed to the processing of her data. Registering again after erasure works. */
    async register(input: RegistrationInput): Promise<User> {
      const fullName = validateFullName(input.fullName);
      await ensureDirectoryIds(input.schoolId, input.subjectIds);
      const telegramId = BigInt(input.telegramId);
      const now = clock.now();
      const data = {
        username: input.username ?? null,
        fullName,
        searchName: normalizeSearch(fullName),
        language: input.language,
        schoolId: input.schoolId,
        consentAt: input.consentAt,
        registeredAt: now,
        isActive: true,
        blockedAt: null,
      };
      return db.$transaction(async (tx) => {
        const existing = await tx.user.findUnique({ where: { telegramId } });
        const user = existing
          ? await tx.user.update({ where: { id: existing.id }, data: { ...data, role: roleFor(telegramId, existing.role) } })
          : await tx.user.create({ data: { ...data, telegramId, role: roleFor(telegramId), createdAt: now } });
        await tx.teacherSubject.deleteMany({ where: { userId: user.id } });
        await tx.teacherSubject.createMany({ data: [...new Set(input.subjectIds)].map((subjectId) => ({ userId: user.id, subjectId })) });
        return user;
      });
    },

    async update(userId: number, change: ProfileChange): Promise<User> {
      if ("fullName" in change) {
        const fullName = validateFullName(change.fullName);
        return updateRow(userId, { fullName, searchName: normalizeSearch(fullName) });
      }
      if ("schoolId" in change) {
        await ensureDirectoryIds(change.schoolId, undefined);
        return updateRow(userId, { schoolId: change.schoolId });
      }
      if ("subjectIds" in change) {
        await ensureDirectoryIds(undefined, change.subjectIds);
        const ids = [...new Set(change.subjectIds)];
        return db.$transaction(async (tx) => {
          await tx.teacherSubject.deleteMany({ where: { userId } });
          await tx.teacherSubject.createMany({ data: ids.map((subjectId) => ({ userId, subjectId })) });
          return tx.user.findUniqueOrThrow({ where: { id: userId } });
        });
      }
      return updateRow(userId, change);
    },

    /** Remembers the language of someone who is not registered yet: nothing is stored about them. */
    async setLanguageIfRegistered(telegramId: number, language: string): Promise<void> {
      await db.user.updateMany({ where: { telegramId: BigInt(telegramId) }, data: { language } });
    },

    /**
     * Admins (from config) grant and take back the methodist role; a methodist may work for one district
     * (`districtId`) or for the whole deployment (null). A teacher has no district of work.
     */
    async setRole(actor: User, targetId: number, role: "teacher" | "methodist", districtId: number | null = null): Promise<User> {
      if (actor.role !== "admin") throw new DomainError("forbidden");
      const target = await db.user.findUnique({ where: { id: targetId } });
      if (!target?.registeredAt) throw new DomainError("user-not-found");
      if (target.role === "admin") throw new DomainError("role-admin-fixed");
      if (role === "methodist" && districtId !== null && !(await db.district.findUnique({ where: { id: districtId } }))) {
        throw new DomainError("district-not-found");
      }
      return db.user.update({ where: { id: targetId }, data: { role, districtId: role === "methodist" ? districtId : null } });
    },

    /**
     * Registered people whose name, username or Telegram id matches the query (admin's search): the
     * first `limit` by name, with the school and its district that tell namesakes apart, and how many matched.
     */
    async search(query: string, limit = 10): Promise<{ people: SearchedPerson[]; total: number }> {
      const q = query.trim().replace(/^@/, "");
      const byTelegramId = /^\d{3,}$/.test(q);
      const words = searchWords(q);
      if (!byTelegramId && !words.length) return { people: [], total: 0 };
      const where: Prisma.UserWhereInput = byTelegramId
        ? { telegramId: BigInt(q), registeredAt: { not: null } }
        : { registeredAt: { not: null }, OR: [{ username: q }, { AND: words.map((w) => ({ searchName: { contains: w } })) }] };
      const [people, total] = await Promise.all([
        db.user.findMany({
          where,
          take: limit,
          orderBy: [{ fullName: "asc" }, { id: "asc" }],
          include: { school: { select: { name: true, district: { select: { name: true } } } } },
        }),
        db.user.count({ where }),
      ]);
      return { people, total };
    },

    /** Methodists and admins, with the district each works for (null: the whole deployment). */
    methodists(): Promise<(User & { district: { name: string } | null })[]> {
      return db.user.findMany({
        where: { role: { in: ["methodist", "admin"] }, registeredAt: { not: null } },
        orderBy: { fullName: "asc" },
        include: { district: { select: { name: true } } },
      });
    },

    /** Config decides who is admin: new ids are raised, removed ones become teachers again. */
    async syncAdmins(): Promise<{ demoted: User[]; promoted: User[] }> {
      const ids = [...admins].map((x) => BigInt(x));
      const promoted = await db.user.findMany({ where: { telegramId: { in: ids }, role: { not: "admin" } } });
      await db.user.updateMany({ where: { telegramId: { in: ids } }, data: { role: "admin" } });
      const demoted = await db.user.findMany({ where: { role: "admin", telegramId: { notIn: ids } } });
      await db.user.updateMany({ where: { id: { in: demoted.map((u) => u.id) } }, data: { role: "teacher" } });
      // returned: their command menu and their keyboard change (as the rows were before, for the notices' keys)
      return { demoted: demoted.map((u) => ({ ...u, role: "teacher" })), promoted: promoted.map((u) => ({ ...u, role: "admin" })) };
    },

    /** Telegram says the user blocked the bot (or was deleted): stop sending to them. */
    async markBlocked(userId: number): Promise<void> {
      await db.user.update({ where: { id: userId }, data: { isActive: false, blockedAt: clock.now() } });
    },

    /** The user wrote to the bot again: deliver to them again. */
    async markActive(userId: number): Promise<void> {
      await db.user.updateMany({ where: { id: userId, isActive: false }, data: { isActive: true, blockedAt: null } });
    },

    /** Features release what the user holds (seats, ...) before the erasure. */
    onErase(hook: EraseHook): void {
      eraseHooks.push(hook);
    },

    /** Erases everything stored about the person (152-ФЗ): their row and, by cascade, all they own. */
    async erase(userId: number): Promise<void> {
      for (const hook of eraseHooks) await hook(userId);
      await db.user.delete({ where: { id: userId } });
    },
  };
  return service;
}

export type UserService = ReturnType<typeof createUserService>;
