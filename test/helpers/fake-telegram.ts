// A fake Bot API behind grammY's `client.fetch`: records every call, answers like Telegram, keeps each
// chat's transcript (messages with their current text and buttons after edits), and can be told to
// fail (429 with retry_after, 403 blocked, 5xx, network errors) or to answer slowly.
import type { Message, Update, User } from "grammy/types";
import type { FetchFn, FetchResponse } from "../../src/bot/api/fetch.js";

export interface ApiCall {
  method: string;
  payload: Record<string, any>;
}

export interface ChatMessage {
  message_id: number;
  text: string;
  reply_markup?: any;
  /** document / photo / video sent by the bot */
  kind: "text" | "document" | "photo" | "video";
  file?: { name?: string; bytes?: Buffer; file_id?: string };
}

type Failure = { error_code: number; description: string; parameters?: { retry_after?: number } } | "network";

export const BOT_INFO = {
  id: 42,
  is_bot: true as const,
  first_name: "Методсеть",
  username: "metodset_test_bot",
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

function parseMultipart(body: Buffer, contentType: string): Record<string, any> {
  const boundary = /boundary=(.+)$/.exec(contentType)?.[1];
  const out: Record<string, any> = {};
  if (!boundary) return out;
  const parts = body.toString("latin1").split(`--${boundary}`);
  for (const part of parts) {
    // grammY writes `name="x";filename=y.ics` (no space, no quotes); browsers `name="x"; filename="y"`
    const m = /name="([^"]+)"(?:;\s*filename=(?:"([^"]*)"|([^;\r\n]*)))?/.exec(part);
    if (!m) continue;
    const value = part.slice(part.indexOf("\r\n\r\n") + 4).replace(/\r\n$/, "");
    const filename = m[2] ?? m[3];
    if (filename !== undefined) out[`__file_${m[1]}`] = { name: filename, bytes: Buffer.from(value, "latin1") };
    else out[m[1]!] = Buffer.from(value, "latin1").toString("utf8");
  }
  for (const [k, v] of Object.entries(out)) {
    if (typeof v === "string" && /^[[{]/.test(v)) {
      try {
        out[k] = JSON.parse(v);
      } catch {
        /* plain text */
      }
    }
  }
  return out;
}

const TEXT_LIMIT = 4096;
const CAPTION_LIMIT = 1024;
const NOT_MODIFIED =
  "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

/** The length Telegram counts: the text after HTML parsing (tags dropped, entities one character each). */
export function visibleLength(html: unknown): number {
  if (typeof html !== "string") return 0;
  return html.replace(/<[^>]*>/g, "").replace(/&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/gi, "_").length;
}

/** An absent inline keyboard and an empty one are the same to Telegram. */
function sameMarkup(a: any, b: any): boolean {
  const norm = (m: any) => (m?.inline_keyboard?.length ? JSON.stringify(m.inline_keyboard) : "");
  return norm(a) === norm(b);
}

export class FakeTelegram {
  readonly calls: ApiCall[] = [];
  readonly chats = new Map<number, ChatMessage[]>();
  readonly files = new Map<string, Buffer>();
  /** chats whose user "blocked the bot": sends to them fail with 403 */
  readonly blocked = new Set<number>();
  private failures: { method: string; failure: Failure }[] = [];
  private nextMessageId = 1000;
  latencyMs = 0;
  /** runs inside a call before it is answered: what happens while a message is on its way */
  onCall: ((method: string, payload: Record<string, any>) => Promise<void>) | null = null;

  /** the transport to hand to createApp / createBot */
  readonly fetch: FetchFn = async (url, init) => {
    const u = String(url);
    const fileMatch = /\/file\/bot[^/]+\/(.+)$/.exec(u);
    if (fileMatch) {
      const bytes = this.files.get(fileMatch[1]!);
      return { status: bytes ? 200 : 404, json: async () => ({}), arrayBuffer: async () => new Uint8Array(bytes ?? Buffer.alloc(0)).buffer } as FetchResponse;
    }
    const method = u.split("/").pop()!;
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const raw = init?.body;
    const payload =
      typeof raw === "string" ? JSON.parse(raw) : raw instanceof Uint8Array ? parseMultipart(Buffer.from(raw), headers["content-type"] ?? "") : {};
    if (this.latencyMs) await new Promise((r) => setTimeout(r, this.latencyMs));
    if (this.onCall) await this.onCall(method, payload);
    // the caller gave up (a timeout) before the answer: this request never reached Telegram
    if (init?.signal?.aborted) throw new Error(`${method} aborted`);
    const i = this.failures.findIndex((f) => f.method === method || f.method === "*");
    if (i >= 0) {
      const { failure } = this.failures.splice(i, 1)[0]!;
      this.calls.push({ method, payload: { ...payload, __failed: failure } });
      if (failure === "network") throw new Error("socket hang up");
      return this.respond(failure.error_code, { ok: false, ...failure });
    }
    const chatId = Number(payload.chat_id);
    if (this.blocked.has(chatId)) {
      this.calls.push({ method, payload: { ...payload, __failed: 403 } });
      return this.respond(403, { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" });
    }
    const refusal = this.refusal(method, payload);
    if (refusal) {
      this.calls.push({ method, payload: { ...payload, __failed: 400 } });
      return this.respond(400, { ok: false, error_code: 400, description: refusal });
    }
    this.calls.push({ method, payload });
    return this.respond(200, { ok: true, result: this.answer(method, payload) });
  };

  /** What Telegram refuses with 400 whatever the bot's intent: too long a text, an edit that changes nothing. */
  private refusal(method: string, p: Record<string, any>): string | null {
    if ((method === "sendMessage" || method === "editMessageText") && visibleLength(p.text) > TEXT_LIMIT) return "Bad Request: message is too long";
    if (typeof p.caption === "string" && visibleLength(p.caption) > CAPTION_LIMIT) return "Bad Request: message caption is too long";
    if (method === "editMessageText" || method === "editMessageReplyMarkup" || method === "editMessageCaption") {
      const m = this.transcript(Number(p.chat_id)).find((x) => x.message_id === Number(p.message_id));
      const text = method === "editMessageText" ? p.text : method === "editMessageCaption" ? (p.caption ?? "") : m?.text;
      if (m && text === m.text && sameMarkup(p.reply_markup, m.reply_markup)) return NOT_MODIFIED;
    }
    return null;
  }

  private respond(status: number, body: unknown): FetchResponse {
    return { status, json: async () => body };
  }

  /** The next call of `method` ("*" for any) fails as given; queue several for several calls. */
  fail(method: string, failure: Failure, times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push({ method, failure });
  }

  transcript(chatId: number): ChatMessage[] {
    let list = this.chats.get(chatId);
    if (!list) this.chats.set(chatId, (list = []));
    return list;
  }

  private answer(method: string, p: Record<string, any>): unknown {
    const chatId = Number(p.chat_id);
    const now = Math.floor(Date.now() / 1000);
    const message = (m: ChatMessage): Message =>
      ({ message_id: m.message_id, date: now, chat: { id: chatId, type: "private", first_name: "x" }, text: m.text, reply_markup: m.reply_markup }) as Message;
    switch (method) {
      case "getMe":
        return BOT_INFO;
      case "sendMessage": {
        const m: ChatMessage = { message_id: this.nextMessageId++, text: p.text, reply_markup: p.reply_markup, kind: "text" };
        this.transcript(chatId).push(m);
        return message(m);
      }
      case "sendDocument":
      case "sendPhoto":
      case "sendVideo": {
        const kind = method === "sendDocument" ? "document" : method === "sendPhoto" ? "photo" : "video";
        const field = kind;
        // an upload is `document: "attach://<name>"` plus a multipart part named <name>
        const attach = typeof p[field] === "string" && p[field].startsWith("attach://") ? p[field].slice(9) : field;
        const upload = p[`__file_${attach}`] ?? p[`__file_${field}`];
        const m: ChatMessage = {
          message_id: this.nextMessageId++,
          text: p.caption ?? "",
          reply_markup: p.reply_markup,
          kind,
          file: upload ? { name: upload.name, bytes: upload.bytes } : { file_id: p[field] },
        };
        this.transcript(chatId).push(m);
        return message(m);
      }
      case "editMessageText":
      case "editMessageReplyMarkup":
      case "editMessageCaption": {
        const m = this.transcript(chatId).find((x) => x.message_id === Number(p.message_id));
        if (!m) return true;
        if (method === "editMessageText") m.text = p.text;
        if (method === "editMessageCaption") m.text = p.caption ?? "";
        m.reply_markup = p.reply_markup;
        return message(m);
      }
      case "deleteMessage":
        this.chats.set(
          chatId,
          this.transcript(chatId).filter((x) => x.message_id !== Number(p.message_id)),
        );
        return true;
      case "getFile":
        return { file_id: p.file_id, file_unique_id: `u-${p.file_id}`, file_path: `documents/${p.file_id}` };
      default:
        return true;
    }
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }
}

let updateId = 1;

/** A person in a private chat with the bot: sends messages, presses buttons, reads the chat. */
export class TestUser {
  readonly user: User;
  constructor(
    private readonly tg: FakeTelegram,
    private readonly handle: (u: Update) => Promise<void>,
    readonly id: number,
    opts: { first_name?: string; username?: string; language_code?: string } = {},
  ) {
    this.user = { id, is_bot: false, first_name: opts.first_name ?? `User${id}`, username: opts.username, language_code: opts.language_code ?? "ru" };
  }

  private chat() {
    return { id: this.id, type: "private" as const, first_name: this.user.first_name };
  }

  /** Sends a text message (a leading /command gets its entity). */
  async send(text: string): Promise<void> {
    const command = /^\/\w+/.exec(text);
    const message = {
      message_id: updateId++,
      date: Math.floor(Date.now() / 1000),
      chat: this.chat(),
      from: this.user,
      text,
      ...(command ? { entities: [{ type: "bot_command" as const, offset: 0, length: command[0].length }] } : {}),
    };
    await this.handle({ update_id: updateId++, message } as Update);
  }

  /** Sends a document; its bytes are served by the fake file endpoint. */
  async sendDocument(doc: { file_name: string; mime_type?: string; content: string | Buffer; file_size?: number }, caption?: string): Promise<void> {
    const fileId = `doc${updateId}`;
    const bytes = Buffer.isBuffer(doc.content) ? doc.content : Buffer.from(doc.content, "utf8");
    this.tg.files.set(`documents/${fileId}`, bytes);
    const message = {
      message_id: updateId++,
      date: Math.floor(Date.now() / 1000),
      chat: this.chat(),
      from: this.user,
      caption,
      document: { file_id: fileId, file_unique_id: `u${fileId}`, file_name: doc.file_name, mime_type: doc.mime_type, file_size: doc.file_size ?? bytes.length },
    };
    await this.handle({ update_id: updateId++, message } as Update);
  }

  /** Sends any other message (photo, sticker ...) as given. */
  async sendRaw(fields: Record<string, unknown>): Promise<void> {
    const message = { message_id: updateId++, date: Math.floor(Date.now() / 1000), chat: this.chat(), from: this.user, ...fields };
    await this.handle({ update_id: updateId++, message } as Update);
  }

  /** Presses the inline button whose label matches (searching from the newest message). */
  async press(label: string | RegExp): Promise<void> {
    const found = this.findButton(label);
    if (!found) throw new Error(`no button ${label} in chat ${this.id}; last messages:\n${this.dump()}`);
    await this.pressData(found.data, found.message_id);
  }

  /** Presses a button by its callback data (e.g. an outdated one). */
  async pressData(data: string, messageId?: number): Promise<void> {
    const m = messageId ? this.messages().find((x) => x.message_id === messageId) : this.messages().at(-1);
    const callback_query = {
      id: String(updateId++),
      from: this.user,
      chat_instance: "ci",
      data,
      message: { message_id: m?.message_id ?? 1, date: 0, chat: this.chat(), text: m?.text ?? "" },
    };
    await this.handle({ update_id: updateId++, callback_query } as Update);
  }

  async blockBot(): Promise<void> {
    const my_chat_member = {
      chat: this.chat(),
      from: this.user,
      date: 0,
      old_chat_member: { status: "member", user: BOT_INFO },
      new_chat_member: { status: "kicked", user: BOT_INFO, until_date: 0 },
    };
    await this.handle({ update_id: updateId++, my_chat_member } as Update);
  }

  messages(): ChatMessage[] {
    return this.tg.transcript(this.id);
  }

  lastText(): string {
    return this.messages().at(-1)?.text ?? "";
  }

  /** Texts of the messages sent since `from` (an index from `mark()`). */
  textsSince(from: number): string[] {
    return this.messages()
      .slice(from)
      .map((m) => m.text);
  }

  mark(): number {
    return this.messages().length;
  }

  buttons(messageIndex = -1): { text: string; data: string }[] {
    const m = this.messages().at(messageIndex);
    return (m?.reply_markup?.inline_keyboard ?? []).flat().map((b: any) => ({ text: b.text, data: b.callback_data }));
  }

  /** The labels of the reply keyboard last sent (the main menu). */
  keyboard(): string[] {
    const m = [...this.messages()].reverse().find((x) => x.reply_markup?.keyboard || x.reply_markup?.remove_keyboard);
    return (m?.reply_markup?.keyboard ?? []).flat().map((b: any) => (typeof b === "string" ? b : b.text));
  }

  findButton(label: string | RegExp): { text: string; data: string; message_id: number } | undefined {
    for (const m of [...this.messages()].reverse()) {
      for (const b of (m.reply_markup?.inline_keyboard ?? []).flat() as any[]) {
        if (typeof label === "string" ? b.text === label || b.text.includes(label) : label.test(b.text)) {
          return { text: b.text, data: b.callback_data, message_id: m.message_id };
        }
      }
    }
    return undefined;
  }

  /** callback-query answers (toasts and alerts) the bot gave this user */
  toasts(): string[] {
    return this.tg
      .callsOf("answerCallbackQuery")
      .map((c) => c.payload.text)
      .filter(Boolean);
  }

  dump(n = 4): string {
    return this.messages()
      .slice(-n)
      .map((m) => `#${m.message_id}: ${m.text}\n   [${this.buttonsOf(m).join(" | ")}]`)
      .join("\n");
  }

  private buttonsOf(m: ChatMessage): string[] {
    return (m.reply_markup?.inline_keyboard ?? []).flat().map((b: any) => b.text);
  }
}
