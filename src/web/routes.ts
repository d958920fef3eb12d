// The route table: every route of the site declares its access rule up front, like the bot's
// `registered` / `methodistOnly` guards, and the site enforces it before the handler runs. Sections
// (a folder each under src/web/) export their routes; src/web/sections.ts lists the sections, and the
// access test (test/web/access.test.ts) asks every route of every section as each kind of person.
import type { User } from "../domain/users.js";
import { isMethodistRole } from "../domain/users.js";
import type { SiteDeps, WebContext } from "./context.js";

/**
 * public: anyone (sign-in pages, assets); registered: anyone who has joined (the bank, her calendar);
 * methodist: methodists and admins (their answers scoped as in the chat: a district's methodist sees her
 * district); admin: admins only.
 */
export type Access = "public" | "registered" | "methodist" | "admin";

export interface RouteRequest<U> {
  c: WebContext;
  /** the person signed in: never null unless the route is public */
  user: U;
  deps: SiteDeps;
}

type UserFor<A extends Access> = A extends "public" ? User | null : User;

export interface WebRoute<A extends Access = Access> {
  method: "GET" | "POST";
  /** a Hono path, e.g. "/monitoring/schools/:id" */
  path: string;
  access: A;
  handler(req: RouteRequest<UserFor<A>>): Response | Promise<Response>;
}

/** Declares a route; the access rule types the `user` the handler gets. */
export function route<A extends Access>(r: WebRoute<A>): WebRoute {
  return r as unknown as WebRoute;
}

export interface NavItem {
  /** locale key of the label */
  label: string;
  path: string;
  access: Exclude<Access, "public">;
}

/** A section of the site: its routes and, if it has one, its entry in the navigation. */
export interface Section {
  id: string;
  nav?: NavItem;
  routes: (deps: SiteDeps) => WebRoute[];
}

/** Whether `user` may use something with rule `access` (null: nobody is signed in). */
export function allowed(access: Access, user: User | null): boolean {
  if (access === "public") return true;
  if (!user?.registeredAt) return false;
  if (access === "registered") return true;
  if (access === "methodist") return isMethodistRole(user.role);
  return user.role === "admin";
}
