// Renders one BPMN file to a PNG. A wide diagram is cut into rows of at most ROW_WIDTH pixels, read
// left to right, top to bottom, so that the README shows it legibly.
import { chromium } from 'playwright-core';
import fs from 'fs';

const [source, target] = process.argv.slice(2);
const ROW_WIDTH = 2100;
const MARGIN = 30;
const xml = fs.readFileSync(source, 'utf8');
const viewer = fs.readFileSync('node_modules/bpmn-js/dist/bpmn-viewer.production.min.js', 'utf8');
const css = ['diagram-js.css', 'bpmn-js.css', 'bpmn-font/css/bpmn.css']
  .map(file => fs.readFileSync('node_modules/bpmn-js/dist/assets/' + file, 'utf8')).join('\n');

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: ROW_WIDTH, height: 800 }, deviceScaleFactor: 1 });
await page.setContent(`<html><head><style>${css} html,body{margin:0;background:#fff} .bjs-powered-by{display:none}
  .row{border-bottom:2px dashed #bbb;box-sizing:border-box}</style></head><body></body></html>`);
await page.addScriptTag({ content: viewer });
const size = await page.evaluate(async ({ xml, ROW_WIDTH, MARGIN }) => {
  const probe = document.createElement('div');
  probe.style.cssText = 'width:100px;height:100px';
  document.body.appendChild(probe);
  const first = new BpmnJS({ container: probe });
  await first.importXML(xml);
  const shapes = first.get('elementRegistry').getAll().filter(e => e.x !== undefined || e.waypoints);
  const xs = [], ys = [];
  for (const e of shapes) {
    const points = e.waypoints || [{ x: e.x, y: e.y }, { x: e.x + e.width, y: e.y + e.height }];
    for (const p of points) { xs.push(p.x); ys.push(p.y); }
    if (e.label && e.label.x !== undefined) { xs.push(e.label.x + e.label.width); ys.push(e.label.y + e.label.height); }
  }
  const box = { x: Math.min(...xs) - MARGIN, y: Math.min(...ys) - MARGIN,
    width: Math.max(...xs) - Math.min(...xs) + 2 * MARGIN, height: Math.max(...ys) - Math.min(...ys) + 2 * MARGIN };
  probe.remove();
  const rows = Math.ceil(box.width / ROW_WIDTH);
  const rowWidth = Math.ceil(box.width / rows);
  for (let i = 0; i < rows; i++) {
    const row = document.createElement('div');
    row.className = 'row';
    row.style.cssText = `width:${rowWidth}px;height:${box.height}px`;
    document.body.appendChild(row);
    const v = new BpmnJS({ container: row });
    await v.importXML(xml);
    v.get('canvas').viewbox({ x: box.x + i * rowWidth, y: box.y, width: rowWidth, height: box.height });
  }
  return { width: rowWidth, height: box.height * rows };
}, { xml, ROW_WIDTH, MARGIN });
await page.setViewportSize({ width: size.width, height: Math.ceil(size.height) });
await page.screenshot({ path: target, fullPage: true });
await browser.close();
console.log(`${source} -> ${target} (${size.width}x${Math.ceil(size.height)})`);
