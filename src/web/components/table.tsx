// A sortable table: columns declare their header, their cell and the value the browser sorts by
// (src/web/client/sort.ts); the server renders it in the order it was given.
import type { Child } from "hono/jsx";

export interface Column<R> {
  header: string;
  cell: (row: R) => Child;
  /** what sorting compares (numbers as numbers); the cell's text when absent */
  value?: (row: R) => string | number;
  num?: boolean;
  /** hidden on a phone's screen */
  wide?: boolean;
}

export function Table<R>(props: { columns: Column<R>[]; rows: R[]; caption?: string; id?: string }) {
  const cls = (c: Column<R>) => [c.num ? "num" : "", c.wide ? "hide-phone" : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class="table-wrap">
      <table data-sortable id={props.id}>
        {props.caption ? <caption class="muted">{props.caption}</caption> : null}
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th class={cls(c)} scope="col">
                <button class="sort" type="button">
                  {c.header}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              {props.columns.map((c) => (
                <td class={cls(c)} data-value={c.value ? String(c.value(r)) : undefined}>
                  {c.cell(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A share as a small bar and its percent (an SVG, so no inline style is needed under the CSP). */
export function Meter(props: { percent: number }) {
  const p = Math.max(0, Math.min(100, props.percent));
  return (
    <span>
      <svg class="meter" width="60" height="8" viewBox="0 0 100 8" aria-hidden="true">
        <rect width="100" height="8" rx="2" fill="#e3e6eb" />
        <rect width={p} height="8" rx="2" fill={p < 50 ? "#c4483e" : p < 80 ? "#d08a1a" : "#2e8b57"} />
      </svg>
      {`${p} %`}
    </span>
  );
}
