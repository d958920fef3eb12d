// Reading a file a user sent: through getFile and the Bot API's file endpoint, or straight from disk
// when a self-hosted Bot API server runs with --local (it answers with an absolute path).
import fs from "node:fs/promises";
import path from "node:path";
import type { Api } from "grammy";
import type { FetchFn, FetchResponse } from "./fetch.js";
import { scrubError } from "./redact.js";

export async function downloadFile(api: Api, fetch: FetchFn, fileId: string): Promise<Buffer> {
  const file = await api.getFile(fileId);
  if (!file.file_path) throw new Error("the Bot API gave no file_path");
  if (path.isAbsolute(file.file_path)) return fs.readFile(file.file_path);
  const root = api.options?.apiRoot ?? "https://api.telegram.org";
  let res: FetchResponse;
  let bytes: ArrayBuffer | undefined;
  try {
    res = await fetch(`${root}/file/bot${api.token}/${file.file_path}`);
    if (res.status === 200) bytes = await res.arrayBuffer?.();
  } catch (e) {
    // the URL carries the token: a transport error that names it must not reach a log
    throw scrubError(e);
  }
  if (!bytes) throw new Error(`file download failed with HTTP ${res.status}`);
  return Buffer.from(bytes);
}
