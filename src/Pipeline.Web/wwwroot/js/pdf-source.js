// The Fonte page's PDF viewer: renders one page of the archived original with pdf.js (pdfjs-dist, restored by
// src/Pipeline.Web/Npm.targets into wwwroot/lib/pdfjs), its text layer over it, and a box over the value the
// extractor read there.
//
// Markup (no inline script, so it runs under a strict Content-Security-Policy):
//   <div id="pdf-source" data-pdf-url="…" data-page="3" data-box="56.7,120.2,540.1,131.0"></div>
// data-box is the value's box as the extraction records it (SourceRef.Bbox): x0,y0,x1,y1 in PDF points with the
// origin at the top-left corner of the page as displayed (its crop box, after the page's /Rotate), which is
// PdfPig's coordinate space with the y axis flipped. The element gets data-state="rendered" (or "error", with one
// line saying why) when done, and the highlight's box in CSS pixels in data-highlight, for people and tests.
import * as pdfjs from "../lib/pdfjs/pdf.min.mjs";

pdfjs.GlobalWorkerOptions.workerSrc = new URL("../lib/pdfjs/pdf.worker.min.mjs", import.meta.url).href;

/** Largest zoom: a small page is not blown up past twice its size in points. */
const MAX_SCALE = 2;

/** "56.7,120.2,540.1,131.0" → [56.7, 120.2, 540.1, 131] or null when it is not four finite numbers. */
export function parseBox(text) {
  if (!text) return null;
  const parts = text.split(",").map((p) => Number.parseFloat(p.trim()));
  return parts.length === 4 && parts.every(Number.isFinite) ? parts : null;
}

/**
 * The box of the extraction (top-left origin on the displayed page, in points) as a rectangle of the rendered
 * viewport in CSS pixels. The viewport at scale 1 with the page's own rotation maps PDF user space onto exactly
 * the extraction's space (origin at the crop box's displayed top-left corner, y down), so its inverse brings the
 * box back to user space, and the rendered viewport's transform takes it to the screen, whatever the rotation,
 * crop box offset and zoom.
 */
export function boxToViewport(box, unitViewport, viewport) {
  const [ux0, uy0] = unitViewport.convertToPdfPoint(box[0], box[1]);
  const [ux1, uy1] = unitViewport.convertToPdfPoint(box[2], box[3]);
  const [ax, ay, bx, by] = viewport.convertToViewportRectangle([ux0, uy0, ux1, uy1]);
  const left = Math.min(ax, bx), top = Math.min(ay, by);
  return { left, top, width: Math.abs(bx - ax), height: Math.abs(by - ay) };
}

function fail(root, message) {
  root.dataset.state = "error";
  const line = document.createElement("p");
  line.className = "pdf-source-error";
  line.textContent = message;
  root.replaceChildren(line);
}

async function renderSource(root) {
  const url = root.dataset.pdfUrl;
  const pageNumber = Number.parseInt(root.dataset.page ?? "", 10);
  const box = parseBox(root.dataset.box);
  if (!url || !Number.isInteger(pageNumber) || pageNumber < 1) {
    fail(root, "Pagina del documento non indicata.");
    return;
  }
  root.dataset.state = "loading";
  const pdf = await pdfjs.getDocument({ url, isEvalSupported: false }).promise;
  if (pageNumber > pdf.numPages) {
    fail(root, `Il documento ha ${pdf.numPages} pagine: la pagina ${pageNumber} non esiste.`);
    return;
  }
  const page = await pdf.getPage(pageNumber);
  const unitViewport = page.getViewport({ scale: 1 });
  const available = root.clientWidth || unitViewport.width;
  const scale = Math.min(MAX_SCALE, available / unitViewport.width);
  const viewport = page.getViewport({ scale });

  const sheet = document.createElement("div");
  sheet.className = "pdf-source-page";
  sheet.style.width = `${viewport.width}px`;
  sheet.style.height = `${viewport.height}px`;
  sheet.style.setProperty("--scale-factor", String(scale));
  sheet.style.setProperty("--user-unit", String(page.userUnit ?? 1));
  sheet.style.setProperty("--total-scale-factor", String(scale * (page.userUnit ?? 1)));
  sheet.style.setProperty("--scale-round-x", "1px");
  sheet.style.setProperty("--scale-round-y", "1px");

  const canvas = document.createElement("canvas");
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = `${viewport.width}px`;
  canvas.style.height = `${viewport.height}px`;
  canvas.setAttribute("aria-label", `Pagina ${pageNumber} del documento originale`);
  canvas.setAttribute("role", "img");

  const text = document.createElement("div");
  text.className = "textLayer";
  sheet.append(canvas, text);
  root.replaceChildren(sheet);

  await page.render({
    canvas,
    canvasContext: canvas.getContext("2d"),
    viewport,
    transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
  }).promise;
  await new pdfjs.TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport }).render();

  if (box) {
    const rect = boxToViewport(box, unitViewport, viewport);
    const mark = document.createElement("div");
    mark.className = "pdf-source-highlight";
    mark.style.left = `${rect.left}px`;
    mark.style.top = `${rect.top}px`;
    mark.style.width = `${rect.width}px`;
    mark.style.height = `${rect.height}px`;
    mark.title = "Valore letto qui";
    sheet.append(mark);
    root.dataset.highlight = [rect.left, rect.top, rect.width, rect.height].map((v) => v.toFixed(1)).join(",");
    mark.scrollIntoView({ block: "center", inline: "nearest" });
  }
  root.dataset.state = "rendered";
}

const root = document.getElementById("pdf-source");
if (root) {
  renderSource(root).catch((error) => fail(root, `Impossibile mostrare la pagina del documento: ${error?.message ?? error}`));
}
