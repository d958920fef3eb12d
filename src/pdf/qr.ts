// A QR code drawn as vector squares (sharp at any zoom and in print), from the `qrcode` library's
// matrix: no PNG encoded and decoded on the way.
import QRCode from "qrcode";
import type { Pdf } from "./document.js";

/** Draws `text` as a QR code of `size` points with its top-left corner at (x, y), quiet zone included. */
export function drawQr(doc: Pdf, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const quiet = 2;
  const n = modules.size + quiet * 2;
  const cell = size / n;
  doc.save();
  doc.rect(x, y, size, size).fill("#ffffff");
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      // a hair wider and taller than the cell, so that neighbouring squares leave no seams in viewers
      doc.rect(x + (start + quiet) * cell, y + (row + quiet) * cell, (col - start) * cell + 0.05, cell + 0.05);
    }
  }
  doc.fill("#000000");
  doc.restore();
}
