// Sortable tables: a <table data-sortable> whose header cells carry <button class="sort"> sorts its
// rows by the clicked column, by each cell's data-value (numbers compare as numbers) or its text.
const collator = new Intl.Collator(document.documentElement.lang || "ru", { numeric: true, sensitivity: "base" });

function cellValue(row: HTMLTableRowElement, index: number): string {
  const cell = row.cells[index];
  return cell?.dataset.value ?? cell?.textContent?.trim() ?? "";
}

function compare(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (a !== "" && b !== "" && !Number.isNaN(x) && !Number.isNaN(y)) return x - y;
  return collator.compare(a, b);
}

export function sortable(table: HTMLTableElement): void {
  const head = table.tHead?.rows[0];
  const body = table.tBodies[0];
  if (!head || !body) return;
  Array.from(head.cells).forEach((th, index) => {
    const button = th.querySelector<HTMLButtonElement>("button.sort");
    if (!button) return;
    button.addEventListener("click", () => {
      const descending = th.getAttribute("aria-sort") === "ascending";
      for (const other of Array.from(head.cells)) other.removeAttribute("aria-sort");
      th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      const rows = Array.from(body.rows);
      rows.sort((r1, r2) => compare(cellValue(r1, index), cellValue(r2, index)) * (descending ? -1 : 1));
      for (const r of rows) body.appendChild(r);
    });
  });
}
