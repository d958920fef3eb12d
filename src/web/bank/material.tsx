// A material as the site shows it, to colleagues in the bank and to methodists in the moderation queue:
// what it is, who shared it, its votes, and the material itself where a browser can show it (a link, an
// image inline, a PDF in a frame, anything else as a download through the file proxy).
import type { ListItem, MaterialCard, MaterialType } from "../../domain/materials/index.js";
import { Table } from "../components/table.js";
import type { WebT } from "../context.js";
import { sourceKind } from "./file.js";

export const typeName = (t: WebT, type: MaterialType) => t(`material-type-${type.replace(/_/g, "-")}`);
export const gradeName = (t: WebT, grade: string) => (grade === "preschool" ? t("material-grade-preschool") : grade);
export const subjectName = (s: { nameRu: string; nameEn: string }, locale: string) => (locale === "en" ? s.nameEn : s.nameRu);
export const fileUrl = (id: number) => `/bank/materials/${id}/file`;

export function MaterialFacts(props: { t: WebT; card: MaterialCard; locale: string }) {
  const { t, card, locale } = props;
  return (
    <section class="card material">
      <p class="muted">
        {typeName(t, card.type)} · {subjectName(card.subject, locale)} · {t("web-bank-grades", { grades: card.grades.map((g) => gradeName(t, g)).join(", ") })}
      </p>
      <p>{t("web-bank-author", { author: card.author.fullName, school: card.school ?? "—" })}</p>
      <p class="description">{card.description}</p>
      {card.status === "approved" ? (
        <p class="votes" data-votes>
          <span>{`👍 ${card.upVotes}`}</span> <span>{`👎 ${card.downVotes}`}</span>{" "}
          <span class="muted">{t("web-bank-score", { score: Math.round(card.score * 100), views: card.views })}</span>
        </p>
      ) : (
        <p>
          <span class={card.status === "pending" ? "tag warn" : "tag"}>{t(`material-status-${card.status}`)}</span>
          {card.status === "rejected" && card.rejectReason ? <span class="muted">{` ${t("web-bank-reason", { reason: card.rejectReason })}`}</span> : null}
        </p>
      )}
    </section>
  );
}

/** The material itself: a link opens in a new tab without telling the site who sent her there. */
export function MaterialSource(props: { t: WebT; card: MaterialCard }) {
  const { t, card } = props;
  const kind = sourceKind(card);
  const url = fileUrl(card.id);
  return (
    <section class="card source" data-source={kind}>
      {kind === "link" ? (
        <p>
          <a href={card.url ?? ""} target="_blank" rel="noopener noreferrer">
            {card.url}
          </a>
        </p>
      ) : kind === "image" ? (
        <a href={url} target="_blank" rel="noopener">
          <img class="material-image" src={url} alt={card.title} />
        </a>
      ) : kind === "pdf" ? (
        <>
          <iframe class="material-pdf" src={url} title={card.title} />
          <p class="muted">{t("web-bank-pdf-hint")}</p>
        </>
      ) : (
        <p class="muted">{t("web-bank-no-preview", { name: card.fileName ?? "" })}</p>
      )}
      {kind === "link" ? null : (
        <div class="actions">
          {kind === "download" ? null : (
            <a class="button secondary" href={url} target="_blank" rel="noopener">
              {t("web-bank-open-tab")}
            </a>
          )}
          <a class="button" href={`${url}?download=1`} download>
            {t("web-bank-download")}
          </a>
        </div>
      )}
    </section>
  );
}

/** A list of materials, best first as the service gave them; each title opens its page. */
export function MaterialList(props: { t: WebT; items: ListItem[]; id: string }) {
  const { t } = props;
  return (
    <Table<ListItem>
      id={props.id}
      rows={props.items}
      columns={[
        { header: t("web-bank-col-title"), cell: (m) => <a href={`/bank/materials/${m.id}`}>{m.title}</a>, value: (m) => m.title },
        { header: t("web-bank-col-type"), cell: (m) => typeName(t, m.type), wide: true },
        { header: "👍", cell: (m) => String(m.upVotes), value: (m) => m.upVotes, num: true },
        { header: "👎", cell: (m) => String(m.downVotes), value: (m) => m.downVotes, num: true, wide: true },
        { header: t("web-bank-col-views"), cell: (m) => String(m.views), value: (m) => m.views, num: true, wide: true },
      ]}
    />
  );
}
