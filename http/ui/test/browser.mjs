// Browser test of the web UI: starts "dyad serve" on a temporary database,
// stores the bundled examples through POST /api/docs, then drives Debian's
// Chromium with playwright-core: the event table loads, filters and search
// narrow it, the timeline, map, network and quotation views draw, and a
// document shows its actors, verbs, quotations and places highlighted with
// each event's rule. It saves a screenshot of the document view.
//
// Usage (from the repository root):
//
//	go build -o /tmp/dyad ./cmd/dyad
//	npm install --no-save --prefix DIR playwright-core
//	DYAD_BIN=/tmp/dyad PLAYWRIGHT_PREFIX=DIR node http/ui/test/browser.mjs [--screenshot docs/screenshot.png]
//
// CHROMIUM overrides the browser (default /usr/bin/chromium). Exits 1 on
// any failure.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../..");
const bin = process.env.DYAD_BIN || path.join(root, "dyad");
const prefix = process.env.PLAYWRIGHT_PREFIX || root;
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
const shotArg = process.argv.indexOf("--screenshot");
const screenshot = shotArg > 0 ? path.resolve(process.argv[shotArg + 1]) : "";
const token = "browser-test-token";

const { chromium } = createRequire(path.join(prefix, "package.json"))("playwright-core");

let failures = 0;
function check(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures++;
}

// startServer runs dyad serve and resolves with its base URL.
function startServer(db) {
  const proc = spawn(bin, ["serve", "--db", db, "--addr", "127.0.0.1:0", "--token", token], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("dyad serve printed no URL in 60 s")), 60000);
    proc.on("exit", (code) => reject(new Error(`dyad serve exited with ${code}`)));
    readline.createInterface({ input: proc.stdout }).on("line", (line) => {
      console.log(line);
      const m = line.match(/http:\/\/[0-9.:]+\//);
      if (m) { clearTimeout(timer); resolve({ proc, base: m[0] }); }
    });
  });
}

// exampleDocs reads examples/: each text file becomes a document dated a
// few days after the previous one (they carry no year), and the JSONL
// articles come as they are.
function exampleDocs() {
  const dir = path.join(root, "examples");
  const docs = [];
  const files = fs.readdirSync(dir).filter((f) => /^\d+_.*\.txt$/.test(f)).sort();
  files.forEach((f, i) => {
    const day = new Date(Date.UTC(2024, 0, 1 + 4 * i)).toISOString().slice(0, 10);
    docs.push({ id: "examples/" + f, date: day, source: "examples", text: fs.readFileSync(path.join(dir, f), "utf8") });
  });
  for (const line of fs.readFileSync(path.join(dir, "articles.jsonl"), "utf8").split("\n")) {
    if (line.trim()) docs.push(JSON.parse(line));
  }
  return docs;
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "dyad-browser-"));
  const { proc, base } = await startServer(path.join(tmp, "test.db"));
  let browser;
  try {
    const docs = exampleDocs();
    const res = await fetch(base + "api/docs", {
      method: "POST", headers: { Authorization: "Bearer " + token, "Content-Type": "application/json" }, body: JSON.stringify(docs),
    });
    const posted = await res.json();
    check(res.status === 200 && posted.added === docs.length, `POST /api/docs stored ${posted.added} of ${docs.length} documents (${res.status})`);
    const unauth = await fetch(base + "api/docs", { method: "POST", body: "{}" });
    check(unauth.status === 401, `POST without the token is refused (${unauth.status})`);
    const all = await (await fetch(base + "api/events?limit=1")).json();
    check(all.total > 50, `the store holds ${all.total} events`);

    browser = await chromium.launch({
      executablePath: chromiumPath, headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => { if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text()); });
    page.on("response", (r) => { if (r.status() >= 400 && !r.url().includes("code=4x")) errors.push(`${r.status()} ${r.url()}`); });
    const offsite = [];
    page.on("request", (r) => { if (!r.url().startsWith(base)) offsite.push(r.url()); });
    const ready = (view) => page.waitForSelector(`body[data-ready="${view}"]:not([data-loading])`);

    // The event table.
    await page.goto(base);
    await ready("events");
    const rows = await page.locator("#events-table tbody tr").count();
    check(rows === Math.min(50, all.total), `the event table shows ${rows} rows`);
    check((await page.textContent("#events-total")).includes(String(all.total)), "the table gives the total");

    // Filter by source country: every row's source is Iranian.
    await page.fill("#filters [name=source]", "IRN");
    await page.click("#filters button[type=submit]");
    await page.waitForFunction(() => location.hash.includes("source=IRN"));
    await ready("events");
    const sources = await page.$$eval("#events-table tbody tr td:nth-child(2) .code", (els) => els.map((e) => e.textContent));
    const irn = await (await fetch(base + "api/events?source=IRN&limit=1")).json();
    check(sources.length === Math.min(50, irn.total) && sources.length > 0 && sources.every((c) => c.startsWith("IRN")),
      `source=IRN: ${sources.length} rows, all IRN (API total ${irn.total})`);

    // Full-text search on top of it.
    await page.fill("#filters [name=q]", "talks");
    await page.click("#filters button[type=submit]");
    await page.waitForFunction(() => location.hash.includes("q=talks"));
    await ready("events");
    const texts = await page.$$eval("#events-table tbody tr td.sentence", (els) => els.map((e) => e.textContent.toLowerCase()));
    check(texts.length > 0 && texts.length < sources.length && texts.every((t) => t.includes("talk")),
      `search "talks": ${texts.length} rows, each sentence mentions talks`);

    // A bad filter value is reported, not swallowed.
    await page.fill("#filters [name=q]", "");
    await page.fill("#filters [name=code]", "4x");
    await page.click("#filters button[type=submit]");
    await page.waitForFunction(() => document.querySelector("#status").textContent.includes("code"));
    check(true, "a bad code shows the API's error");
    await page.fill("#filters [name=code]", "");
    await page.click("#filters button[type=submit]");
    await page.waitForFunction(() => !location.hash.includes("code="));
    await ready("events");

    // The other views.
    await page.click("#tabs a[data-view=timeline]");
    await ready("timeline");
    check(await page.locator("#timeline-chart rect").count() > 0, "the timeline draws bars");
    check(await page.locator("#timeline-chart path.gline").count() === 1, "the timeline draws the Goldstein line");
    await page.click("#filters button[type=reset]");
    await page.click("#tabs a[data-view=map]");
    await ready("map");
    const shaded = await page.locator("#map-chart path:not([data-count='0'])").count();
    check(await page.locator("#map-chart path").count() > 150 && shaded > 5, `the map draws countries, ${shaded} with events`);
    await page.click("#map-chart path[data-iso=SYR]");
    await page.waitForFunction(() => location.hash.startsWith("#events") && location.hash.includes("source=SYR"));
    await ready("events");
    check(await page.locator("#events-table tbody tr").count() > 0, "clicking Syria on the map lists its events");
    await page.click("#filters button[type=reset]");
    await page.click("#tabs a[data-view=network]");
    await ready("network");
    check(await page.locator("#network-chart circle").count() > 5, "the network draws countries");
    check(await page.locator("#actors-table tbody tr").count() > 5, "the actor table lists actors");
    await page.click("#tabs a[data-view=quotes]");
    await ready("quotes");
    check(await page.locator("#quotes-table tbody tr").count() > 5, "the quotation table lists quotations");

    // A document: open the Iran–Syria story from the event table.
    await page.click("#tabs a[data-view=events]");
    await ready("events");
    const id = "examples/01_iran_syria_defence_visit.txt";
    await page.goto(base + "#events?doc=" + encodeURIComponent(id));
    await page.locator(`#events-table a.doclink`).first().click();
    await ready("doc");
    const rec = await (await fetch(base + "api/docs/" + encodeURIComponent(id))).json();
    const count = (sel) => page.locator(sel).count();
    check(await count("#doc-text mark.hl-actor") > 0, `actors highlighted (${await count("#doc-text mark.hl-actor")})`);
    check(await count("#doc-text mark.hl-verb") > 0, `verbs highlighted (${await count("#doc-text mark.hl-verb")})`);
    check(await count("#doc-text mark.hl-quote") > 0 === rec.record.quotes.length > 0, `quotations highlighted (${await count("#doc-text mark.hl-quote")})`);
    check(await count("#doc-text mark.hl-place") > 0 === rec.record.places.length > 0, `places highlighted (${await count("#doc-text mark.hl-place")})`);
    const verbMarks = await page.$$eval("#doc-text mark.hl-verb", (els) => els.map((e) => [Number(e.dataset.start), Number(e.dataset.end)]));
    const covered = (k) => verbMarks.some(([s, e]) => s <= k && k < e);
    const missing = rec.record.events.filter((e) => {
      for (let k = e.verb.start; k < e.verb.end; k++) if (!covered(k)) return true;
      return false;
    });
    check(rec.record.events.length > 0 && missing.length === 0, `every event's verb is highlighted (${rec.record.events.length} events)`);
    const rules = await page.$$eval("#doc-events td.rule", (els) => els.map((e) => e.textContent));
    check(rules.length === rec.record.events.length && rules.every((r, i) => r === rec.record.events[i].rule && r !== ""),
      "each event's rule is shown");
    const shown = await page.textContent("#doc-text");
    check(shown === rec.doc.text, "the document text is shown unchanged");
    await page.hover("#doc-events tbody tr:first-child");
    check(await count("#doc-text mark.focus") > 0, "hovering an event marks its spans");
    if (screenshot) {
      await page.mouse.move(0, 0);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: screenshot });
      console.log("wrote " + screenshot);
    }
    check(errors.length === 0, "no script errors" + (errors.length ? ": " + errors.join("; ") : ""));
    check(offsite.length === 0, "nothing loaded from another origin" + (offsite.length ? ": " + offsite.join(" ") : ""));
  } finally {
    if (browser) await browser.close();
    proc.kill("SIGTERM");
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  if (failures) {
    console.log(`browser test: ${failures} failed`);
    process.exit(1);
  }
  console.log("browser test: all passed");
}

main().catch((e) => { console.error("browser test:", e); process.exit(1); });
