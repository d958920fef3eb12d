// Links people type (an online lesson, a meeting room, a material on the web): one rule for the bot.

/**
 * The link as a normalised http(s) URL, or null when it is not one a colleague could open: no spaces,
 * at most `maxLength` characters, `https://` assumed when the scheme is missing, and a real host name
 * (a dot and a top-level domain: `sferum.ru`, `пример.рф`; not `localhost`, not `sferum`).
 */
export function parseWebUrl(text: string, maxLength = 500): string | null {
  const raw = text.trim();
  if (!raw || raw.length > maxLength || /\s/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `https://${raw}`);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  // punycode keeps Cyrillic domains: пример.рф → xn--e1afmkfd.xn--p1ai
  if (!/^[^.]+(\.[^.]+)*\.(xn--[a-z0-9-]+|[a-z]{2,})$/i.test(url.hostname)) return null;
  return url.toString();
}
