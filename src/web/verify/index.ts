// The public check of a certificate: the QR code on every certificate points at <PUBLIC_URL>/verify/<number>.
// The page itself (src/web/verify/page.ts) is self-contained and sets its own stricter headers; this
// section only mounts it in the site's route table.
import { route, type Section } from "../routes.js";
import { createVerifyPage } from "./page.js";

export const verifySection: Section = {
  id: "verify",
  routes: (app) => {
    const page = createVerifyPage({
      documents: app.services.documents,
      messages: app.messages,
      zone: app.config.TIMEZONE,
      defaultLocale: app.config.DEFAULT_LOCALE,
      issuer: { ru: app.config.ISSUER_NAME, en: app.config.ISSUER_NAME_EN ?? app.config.ISSUER_NAME },
    });
    return [
      route({ method: "GET", path: "/verify", access: "public", handler: ({ c }) => page(c.req.raw) }),
      route({ method: "GET", path: "/verify/:number", access: "public", handler: ({ c }) => page(c.req.raw) }),
    ];
  },
};
