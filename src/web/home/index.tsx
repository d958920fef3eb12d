// The first page after signing in: the sections this person may open.
import { Layout } from "../layout.js";
import { allowed, route, type Section } from "../routes.js";

export const homeSection: Section = {
  id: "home",
  routes: () => [
    route({
      method: "GET",
      path: "/",
      access: "registered",
      handler: ({ c, user }) => {
        const { t, nav } = c.var.frame;
        const open = nav.filter((n) => allowed(n.access, user));
        return c.html(
          <Layout frame={c.var.frame} title={t("web-home-title")}>
            <h1>{t("web-home-title")}</h1>
            <p class="muted">{t("web-home-hello", { name: user.fullName ?? "" })}</p>
            {open.length ? (
              <ul>
                {open.map((n) => (
                  <li>
                    <a href={n.path}>{t(n.label)}</a>
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t("web-home-nothing-yet")}</p>
            )}
          </Layout>,
        );
      },
    }),
  ],
};
