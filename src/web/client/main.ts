// The site's one script (bundled by esbuild, served from /assets/app.js): sortable tables, and inside
// Telegram the Mini App bridge from npm (@twa-dev/sdk, Telegram's telegram-web-app.js as a package),
// which gives the signed init data the server checks to sign her in.
import "@twa-dev/sdk";
import type { WebApp as WebAppType } from "@twa-dev/types";
import { copyButtons } from "./copy";
import { sortable } from "./sort";

// the bridge the package installs (not its default export: bundled from a "type": "module" package,
// esbuild hands a default import the CommonJS module object itself; see ignoreAnnotations in assets/)
const WebApp = (window as unknown as { Telegram: { WebApp: WebAppType } }).Telegram.WebApp;

function signInWithTelegram(): void {
  const form = document.querySelector<HTMLElement>("[data-telegram-signin]");
  if (!form || !WebApp.initData) return;
  const status = form.querySelector<HTMLElement>("[data-status]");
  if (status) status.hidden = false;
  fetch("/auth/telegram", {
    method: "POST",
    headers: { "content-type": "application/json" },
    credentials: "same-origin",
    body: JSON.stringify({ initData: WebApp.initData }),
  })
    .then(async (res) => {
      if (res.ok) {
        window.location.replace(form.dataset.next || "/");
        return;
      }
      const error = form.querySelector<HTMLElement>("[data-error]");
      // the server's reason first, then shown: never the generic text flashing before it
      const message = ((await res.json().catch(() => null)) as { message?: string } | null)?.message;
      if (error) {
        if (message) error.textContent = message;
        error.hidden = false;
      }
      if (status) status.hidden = true;
    })
    .catch(() => {
      if (status) status.hidden = true;
    });
}

function start(): void {
  if (WebApp.initData) {
    WebApp.ready();
    WebApp.expand();
    document.documentElement.classList.add("in-telegram");
  }
  for (const table of Array.from(document.querySelectorAll<HTMLTableElement>("table[data-sortable]"))) sortable(table);
  copyButtons(document);
  signInWithTelegram();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
