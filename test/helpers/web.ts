// The site in tests: the app's real HTTP server on a free port of 127.0.0.1, and browsers-without-a-
// browser (fetch with a cookie jar) signed in as a given person through the same ways people use: a
// one-time link from /web, or the Mini App's init data signed with the bot token.
import { sign } from "@telegram-apps/init-data-node";
import { createHttpApp, listen } from "../../src/http/server.js";
import type { TestApp } from "./test-app.js";

export interface Site {
  base: string;
  close(): Promise<void>;
}

/** Serves the app (site, /healthz; the webhook too when given) on 127.0.0.1 and a free port. */
export async function serveSite(app: TestApp, webhook?: { path: string; secret: string }): Promise<Site> {
  const server = await listen(createHttpApp(app, webhook ? { webhook } : {}), { port: 0, host: "127.0.0.1" });
  return { base: `http://127.0.0.1:${server.port}`, close: server.close };
}

export interface WebResponse {
  status: number;
  headers: Headers;
  text: string;
  bytes: Buffer;
}

/** One browser: keeps the cookies it is given, sends same-origin form posts. */
export class WebClient {
  readonly cookies = new Map<string, string>();
  constructor(readonly site: Site) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...rest] = pair!.split("=");
      const value = rest.join("=");
      if (!value || /expires=Thu, 01 Jan 1970/i.test(line) || /max-age=0/i.test(line)) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
  }

  async request(method: string, path: string, init: { body?: string; type?: string; headers?: Record<string, string> } = {}): Promise<WebResponse> {
    const res = await fetch(this.site.base + path, {
      method,
      redirect: "manual",
      headers: {
        cookie: this.cookieHeader(),
        origin: this.site.base,
        ...(init.type ? { "content-type": init.type } : {}),
        ...init.headers,
      },
      body: init.body,
    });
    this.keep(res);
    const bytes = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, text: bytes.toString("utf8"), bytes };
  }

  get(path: string, headers?: Record<string, string>): Promise<WebResponse> {
    return this.request("GET", path, { headers });
  }

  postForm(path: string, fields: Record<string, string>): Promise<WebResponse> {
    return this.request("POST", path, { body: new URLSearchParams(fields).toString(), type: "application/x-www-form-urlencoded" });
  }

  postJson(path: string, body: unknown): Promise<WebResponse> {
    return this.request("POST", path, { body: JSON.stringify(body), type: "application/json" });
  }
}

/** The token of a one-time link, as /web gives it (read from what the bot answered). */
export function linkTokenFrom(text: string): string {
  const m = /\/signin\/link\?token=([A-Za-z0-9_-]+)/.exec(text);
  if (!m) throw new Error(`no sign-in link in: ${text}`);
  return m[1]!;
}

/** A browser signed in as the person with `userId`, through a one-time link. */
export async function signedIn(app: TestApp, site: Site, userId: number): Promise<WebClient> {
  const client = new WebClient(site);
  const { token } = await app.services.signIn.issueLink(userId);
  const res = await client.postForm("/signin/link", { token });
  if (res.status !== 303) throw new Error(`sign-in as ${userId} failed: ${res.status} ${res.text.slice(0, 200)}`);
  return client;
}

/** Init data as Telegram signs it for a Mini App (with `token`: the bot's; another token forges it). */
export function initData(telegramId: number, token: string, authDate = new Date()): string {
  return sign({ user: { id: telegramId, first_name: "Тест" } } as Parameters<typeof sign>[0], token, authDate);
}

/** What a person sees in an answer: a page's text, or every cell of an .xlsx. */
export async function visibleText(res: WebResponse): Promise<string> {
  if ((res.headers.get("content-type") ?? "").includes("spreadsheetml")) {
    const ExcelJS = (await import("exceljs")).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.bytes as unknown as ArrayBuffer);
    const cells: string[] = [];
    for (const sheet of book.worksheets) sheet.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.value))));
    return cells.join("\n");
  }
  return res.text;
}

/** The rows of a page's <table id=…> as the text of their cells (tags stripped, entities decoded). */
export function tableRows(html: string, id: string): string[][] {
  const table = new RegExp(`<table[^>]*id="${id}"[^>]*>([\\s\\S]*?)</table>`).exec(html)?.[1];
  if (table === undefined) throw new Error(`no table #${id}`);
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? "";
  const text = (cell: string) =>
    cell
      .replace(/<[^>]+>/g, "")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&")
      .trim();
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => text(c[1]!)));
}
