// Pages the site itself answers with: not signed in (401), not allowed (403), not found (404).
import type { PageFrame } from "./layout.js";
import { Layout } from "./layout.js";

export function SignInNeeded(props: { frame: PageFrame; next: string }) {
  const { t } = props.frame;
  return (
    <Layout frame={props.frame} title={t("web-signin-title")} bodyPage="signin">
      <section class="card signin" data-telegram-signin data-next={props.next}>
        <h1>{t("web-signin-title")}</h1>
        <p>{t("web-signin-how")}</p>
        <p class="muted" data-status hidden>
          {t("web-signin-checking")}
        </p>
        <p class="tag" data-error hidden>
          {t("web-signin-failed")}
        </p>
      </section>
    </Layout>
  );
}

export function Message(props: { frame: PageFrame; title: string; text: string }) {
  return (
    <Layout frame={props.frame} title={props.title}>
      <section class="card signin">
        <h1>{props.title}</h1>
        <p>{props.text}</p>
        <p>
          <a href="/">{props.frame.t("web-home-link")}</a>
        </p>
      </section>
    </Layout>
  );
}
