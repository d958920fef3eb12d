// The file proxy: a material's Telegram file, downloaded by the server through the Bot API (getFile and
// the file endpoint: app.telegramFile, src/bot/api/files.ts) and passed on to the browser. The bot token stays on the
// server: the browser only ever sees /bank/materials/<id>/file. Who may fetch it is the card's rule
// (materials.card): a published material anyone who has joined, a waiting or rejected one its author and
// the methodists who moderate it; anyone else gets 404.
import type { App } from "../../app.js";
import type { MaterialCard } from "../../domain/materials/index.js";

/** How the page shows a material: a link, an image inline, a PDF in a frame, anything else as a download. */
export type SourceKind = "link" | "image" | "pdf" | "download";

/** Images a browser shows safely (no SVG: a script inside it would run in our origin). */
const INLINE_IMAGES = new Set(["image/jpeg", "image/png", "image/gif", "image/webp"]);
const EXT_TYPES: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
  pdf: "application/pdf",
};

/** The type the proxy answers with for inline showing (null: a download). */
export function inlineType(card: Pick<MaterialCard, "fileKind" | "fileName" | "mimeType">): string | null {
  if (card.fileKind === "photo") return "image/jpeg";
  if (card.fileKind !== "document") return null;
  const mime = (card.mimeType ?? "").toLowerCase();
  const ext = /\.([a-z0-9]{1,5})$/.exec((card.fileName ?? "").toLowerCase())?.[1];
  const type = INLINE_IMAGES.has(mime) || mime === "application/pdf" ? mime : ext ? EXT_TYPES[ext] : undefined;
  return type ?? null;
}

export function sourceKind(card: Pick<MaterialCard, "url" | "fileKind" | "fileName" | "mimeType">): SourceKind {
  if (card.url) return "link";
  const type = inlineType(card);
  return type === "application/pdf" ? "pdf" : type ? "image" : "download";
}

/** A file name for content-disposition: what the author sent, else one made of the id. */
function fileName(card: MaterialCard): string {
  if (card.fileName) return card.fileName;
  return `material-${card.id}${card.fileKind === "photo" ? ".jpg" : card.fileKind === "video" ? ".mp4" : ""}`;
}

/**
 * The bytes of a card's file as a response: inline for an image or a PDF (unless `download`), else as an
 * attachment of a neutral type (never HTML or SVG that would run in our origin). Null when the card has
 * no file; throws when Telegram does not give it (the caller answers 502).
 */
export async function fileResponse(app: App, card: MaterialCard, download: boolean): Promise<Response | null> {
  if (!card.fileId) return null;
  const bytes = await app.telegramFile(card.fileId);
  const type = inlineType(card);
  const name = fileName(card);
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const disposition = `${type && !download ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": type ?? "application/octet-stream",
      "content-disposition": disposition,
      // a waiting material may change hands (rejected, deleted): the browser keeps it only for this person, briefly
      "cache-control": "private, max-age=300",
      "x-content-type-options": "nosniff",
    },
  });
}
