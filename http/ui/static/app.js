// dyad web UI: plain JavaScript over the JSON API of this server.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const FILTERS = ["q", "source", "target", "code", "root", "quad", "from", "to", "doc"];
const PAGE = 50;
const state = { view: "events", offset: 0, world: null };

const $ = (sel) => document.querySelector(sel);

// el builds an HTML element with attributes and children (strings become
// text nodes, so nothing from the data is ever parsed as HTML).
function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "onclick") e.addEventListener("click", v);
    else if (v !== null && v !== undefined) e.setAttribute(k, v);
  }
  for (const k of kids) if (k !== null && k !== undefined) e.append(k);
  return e;
}

function svg(tag, attrs, ...kids) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  for (const k of kids) if (k !== null && k !== undefined) e.append(k);
  return e;
}

function status(msg) { $("#status").textContent = msg || ""; }

async function api(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== "" && v !== undefined && v !== null) qs.set(k, v);
  const url = path + (qs.toString() ? "?" + qs : "");
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await res.json().catch(() => ({ error: res.statusText }));
  if (!res.ok) throw new Error(body.error || res.statusText);
  return body;
}

// filters reads the filter form.
function filters() {
  const f = {};
  const form = $("#filters");
  for (const name of FILTERS) {
    const v = form.elements[name].value.trim();
    if (v) f[name] = v;
  }
  return f;
}

function setFilters(f) {
  const form = $("#filters");
  for (const name of FILTERS) form.elements[name].value = f[name] || "";
}

// The location hash holds the view and the filters: #events?source=IRN.
function readHash() {
  const h = decodeURIComponent(location.hash.slice(1));
  if (h.startsWith("doc/")) return { view: "doc", id: h.slice(4), params: {} };
  const [view, query] = h.split("?");
  const params = Object.fromEntries(new URLSearchParams(query || ""));
  return { view: view || "events", params };
}

function writeHash(view, params) {
  const qs = new URLSearchParams(params).toString();
  const h = "#" + view + (qs ? "?" + qs : "");
  if (location.hash !== h) location.hash = h; else route();
}

function docLink(id) {
  return el("a", { href: "#doc/" + encodeURIComponent(id), class: "doclink" }, id);
}

function actorCell(a) {
  if (!a) return el("td", {}, "—");
  return el("td", { title: a.text }, el("span", { class: "code" }, a.code), el("br"), a.text);
}

function fmt(n) { return (Math.round(n * 10) / 10).toString(); }

function goldCell(g) {
  return el("td", { class: "num " + (g > 0 ? "pos" : g < 0 ? "neg" : "") }, fmt(g));
}

// ---- events ----

async function showEvents() {
  const f = filters();
  const body = await api("/api/events", { ...f, limit: PAGE, offset: state.offset });
  const tb = $("#events-table tbody");
  tb.replaceChildren();
  for (const e of body.events) {
    tb.append(el("tr", { "data-doc": e.doc_id },
      el("td", {}, e.date || ""),
      actorCell(e.source),
      el("td", {}, el("span", { class: "code" }, e.code), " ", e.label || ""),
      actorCell(e.target),
      goldCell(e.goldstein),
      el("td", { class: "sentence" }, e.text || ""),
      el("td", {}, docLink(e.doc_id))));
  }
  const last = Math.min(state.offset + body.events.length, body.total);
  $("#events-total").textContent = body.total === 0 ? "No events match." :
    `${body.total} events; ${state.offset + 1}–${last} shown`;
  $("#prev").disabled = state.offset === 0;
  $("#next").disabled = last >= body.total;
}

// ---- timeline: bars for the number of events, a line for the Goldstein sum ----

async function showTimeline() {
  const interval = $("#interval").value;
  const body = await api("/api/dyads", { ...filters(), interval });
  const per = new Map();
  for (const d of body.dyads) {
    const p = per.get(d.period) || { count: 0, gold: 0 };
    p.count += d.count; p.gold += d.goldstein;
    per.set(d.period, p);
  }
  const periods = [...per.keys()].filter(Boolean).sort();
  const box = $("#timeline-chart");
  box.replaceChildren();
  if (periods.length === 0) { box.append(el("p", {}, "No dated events between two countries match.")); return; }
  const W = 900, H = 320, L = 48, R = 48, T = 12, B = 40;
  const w = (W - L - R) / periods.length;
  const maxC = Math.max(...periods.map((p) => per.get(p).count));
  const golds = periods.map((p) => per.get(p).gold);
  const gMax = Math.max(1, ...golds.map(Math.abs));
  const yC = (c) => T + (H - T - B) * (1 - c / maxC);
  const yG = (g) => T + (H - T - B) * (0.5 - g / (2 * gMax));
  const s = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "events over time" });
  s.append(svg("line", { class: "axis", x1: L, y1: H - B, x2: W - R, y2: H - B }));
  s.append(svg("line", { class: "axis", x1: L, y1: T, x2: L, y2: H - B }));
  s.append(svg("line", { class: "zero", x1: L, y1: yG(0), x2: W - R, y2: yG(0) }));
  s.append(svg("text", { x: L - 6, y: T + 10, "text-anchor": "end" }, String(maxC)));
  s.append(svg("text", { x: L - 6, y: H - B, "text-anchor": "end" }, "0"));
  s.append(svg("text", { x: W - R + 6, y: T + 10 }, "+" + fmt(gMax)));
  s.append(svg("text", { x: W - R + 6, y: H - B }, "−" + fmt(gMax)));
  const step = Math.ceil(periods.length / 10);
  let line = "";
  periods.forEach((p, i) => {
    const { count, gold } = per.get(p);
    const x = L + i * w;
    s.append(svg("rect", { class: "bar-rect", x: x + w * 0.1, width: Math.max(1, w * 0.8), y: yC(count), height: H - B - yC(count) },
      svg("title", {}, `${p}: ${count} events, Goldstein sum ${fmt(gold)}`)));
    line += (i ? "L" : "M") + (x + w / 2).toFixed(1) + " " + yG(gold).toFixed(1);
    if (i % step === 0) s.append(svg("text", { x: x + w / 2, y: H - B + 16, "text-anchor": "middle" }, p));
  });
  s.append(svg("path", { class: "gline", d: line }));
  box.append(s);
}

// ---- map ----

async function showMap() {
  if (!state.world) {
    const res = await fetch("world.json");
    state.world = await res.json();
  }
  const body = await api("/api/dyads", filters());
  const count = new Map();
  const add = (c, n) => count.set(c, (count.get(c) || 0) + n);
  for (const d of body.dyads) {
    add(d.source, d.count);
    if (d.target !== d.source) add(d.target, d.count);
  }
  const max = Math.max(1, ...count.values());
  const shade = (n) => {
    if (!n) return "#e4e7ec";
    const t = Math.log(1 + n) / Math.log(1 + max);
    const l = 88 - t * 55;
    return `hsl(214 65% ${l.toFixed(0)}%)`;
  };
  const w = state.world;
  const s = svg("svg", { viewBox: `0 0 ${w.width} ${w.height}`, role: "img", "aria-label": "events per country" });
  for (const [iso, c] of Object.entries(w.countries)) {
    const n = count.get(iso) || 0;
    s.append(svg("path", { d: c.d, fill: shade(n), "data-iso": iso, "data-count": n },
      svg("title", {}, `${c.name} (${iso}): ${n} events`)));
  }
  s.addEventListener("click", (ev) => {
    const iso = ev.target.getAttribute && ev.target.getAttribute("data-iso");
    if (iso) { setFilters({ ...filters(), source: iso, target: "" }); state.offset = 0; writeHash("events", filters()); }
  });
  $("#map-chart").replaceChildren(s);
  const legend = $("#map-legend");
  legend.replaceChildren();
  for (const n of [...new Set([0, 1, Math.round(Math.sqrt(max)), max])]) {
    legend.append(el("span", { class: "swatch", "data-fill": shade(n) }), String(n));
  }
  for (const sw of legend.querySelectorAll(".swatch")) sw.style.background = sw.getAttribute("data-fill");
}

// ---- network: countries on a circle, one line per dyad ----

async function showNetwork() {
  const [body, actors] = await Promise.all([api("/api/dyads", filters()), api("/api/actors", { ...filters(), limit: 40 })]);
  const tb = $("#actors-table tbody");
  tb.replaceChildren();
  for (const a of actors.actors) {
    tb.append(el("tr", {}, el("td", { class: "code" }, a.code), el("td", {}, a.name || ""),
      el("td", { class: "num" }, String(a.as_source)), el("td", { class: "num" }, String(a.as_target))));
  }
  const deg = new Map();
  body.dyads = body.dyads.filter((d) => d.source !== "---" && d.target !== "---");
  for (const d of body.dyads) {
    deg.set(d.source, (deg.get(d.source) || 0) + d.count);
    deg.set(d.target, (deg.get(d.target) || 0) + d.count);
  }
  const nodes = [...deg.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([c]) => c).sort();
  const box = $("#network-chart");
  box.replaceChildren();
  if (nodes.length === 0) { box.append(el("p", {}, "No events between two countries match.")); return; }
  const W = 640, H = 560, cx = W / 2, cy = H / 2, r = 220;
  const pos = new Map(nodes.map((c, i) => {
    const a = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    return [c, [cx + r * Math.cos(a), cy + r * Math.sin(a), a]];
  }));
  const maxE = Math.max(...body.dyads.map((d) => d.count));
  const maxN = Math.max(...nodes.map((c) => deg.get(c)));
  const s = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "actor network" });
  for (const d of body.dyads) {
    const a = pos.get(d.source), b = pos.get(d.target);
    if (!a || !b || d.source === d.target) continue;
    const mean = d.goldstein / d.count;
    const color = mean > 0.5 ? "#1a7f4b" : mean < -0.5 ? "#b42318" : "#98a2b3";
    const bend = 0.25; // curve each direction to its own side
    const mx = (a[0] + b[0]) / 2 + (b[1] - a[1]) * bend, my = (a[1] + b[1]) / 2 - (b[0] - a[0]) * bend;
    s.append(svg("path", { d: `M${a[0]} ${a[1]}Q${mx} ${my} ${b[0]} ${b[1]}`, fill: "none", stroke: color,
      "stroke-opacity": 0.7, "stroke-width": (1 + 5 * Math.sqrt(d.count / maxE)).toFixed(1) },
      svg("title", {}, `${d.source} → ${d.target}: ${d.count} events, mean Goldstein ${fmt(mean)}`)));
  }
  for (const c of nodes) {
    const [x, y, a] = pos.get(c);
    const g = svg("g", { "data-iso": c });
    g.append(svg("circle", { cx: x, cy: y, r: (4 + 10 * Math.sqrt(deg.get(c) / maxN)).toFixed(1) },
      svg("title", {}, `${c}: ${deg.get(c)} events`)));
    const lx = cx + (r + 24) * Math.cos(a), ly = cy + (r + 24) * Math.sin(a) + 4;
    g.append(svg("text", { x: lx, y: ly, "text-anchor": Math.cos(a) > 0.2 ? "start" : Math.cos(a) < -0.2 ? "end" : "middle" }, c));
    g.addEventListener("click", () => { setFilters({ ...filters(), source: c }); state.offset = 0; writeHash("events", filters()); });
    s.append(g);
  }
  box.append(s);
}

// ---- quotes ----

async function showQuotes() {
  const f = filters();
  const body = await api("/api/quotes", { q: f.q, source: f.source, from: f.from, to: f.to, doc: f.doc, limit: PAGE });
  const tb = $("#quotes-table tbody");
  tb.replaceChildren();
  for (const q of body.quotes) {
    const sp = q.speaker;
    tb.append(el("tr", {}, el("td", {}, q.date || ""),
      el("td", {}, sp ? sp.text : "—", sp && sp.code ? el("span", { class: "code" }, " " + sp.code) : null),
      el("td", { class: "sentence" }, (q.direct ? "“" + q.text + "”" : q.text)),
      el("td", {}, docLink(q.doc_id))));
  }
  $("#quotes-total").textContent = `${body.total} quotations` + (body.total > PAGE ? `; the first ${PAGE} shown` : "");
}

// ---- document view ----

// highlight renders text with spans marked. Offsets are Unicode code
// points, as in the output contract; a character inside several spans
// carries all their classes.
function highlight(text, spans) {
  const cps = Array.from(text);
  const at = Array.from({ length: cps.length + 1 }, () => []);
  spans.forEach((sp, i) => {
    for (let k = Math.max(0, sp.start); k < Math.min(cps.length, sp.end); k++) at[k].push(i);
  });
  const box = document.createDocumentFragment();
  let k = 0;
  while (k < cps.length) {
    const key = at[k].join(",");
    let j = k + 1;
    while (j < cps.length && at[j].join(",") === key) j++;
    const chunk = cps.slice(k, j).join("");
    if (!key) box.append(chunk);
    else {
      const own = at[k].map((i) => spans[i]);
      const cls = [...new Set(own.map((sp) => "hl-" + sp.kind))].join(" ");
      const m = el("mark", { class: "hl " + cls, title: own.map((sp) => sp.title).join("\n") }, chunk);
      m.dataset.spans = at[k].join(" ");
      m.dataset.start = k;
      m.dataset.end = j;
      box.append(m);
    }
    k = j;
  }
  return box;
}

function focusSpans(ids) {
  for (const m of document.querySelectorAll("#doc-text mark.focus")) m.classList.remove("focus");
  for (const m of document.querySelectorAll("#doc-text mark")) {
    if (m.dataset.spans.split(" ").some((i) => ids.has(Number(i)))) m.classList.add("focus");
  }
}

async function showDoc(id) {
  const d = await api("/api/docs/" + encodeURIComponent(id));
  const doc = d.doc, rec = d.record;
  $("#doc-title").textContent = doc.title || doc.id;
  const meta = $("#doc-meta");
  meta.replaceChildren([doc.date, doc.source, doc.id].filter(Boolean).join(" · "));
  if (doc.url) meta.append(" · ", el("a", { href: doc.url, rel: "noopener noreferrer", target: "_blank" }, doc.url));
  meta.append(" · ", el("a", { href: "#events?doc=" + encodeURIComponent(doc.id) }, "its events"));

  const spans = [];
  const add = (kind, start, end, title) => { if (end > start) return spans.push({ kind, start, end, title }) - 1; return -1; };
  for (const en of rec.entities || []) {
    for (const [s, e] of en.mentions || []) add("actor", s, e, `actor ${en.code || ""} ${en.name}`);
  }
  for (const p of rec.places || []) add("place", p.start, p.end, `place ${p.gazetteer_name || p.name} (${p.country || "?"}, ${p.feature})`);
  (rec.quotes || []).forEach((q) => {
    const who = q.speaker ? q.speaker.text : "unattributed";
    for (const [s, e] of q.segments && q.segments.length ? q.segments : [[q.start, q.end]]) add("quote", s, e, `quotation by ${who}`);
    if (q.cue) add("cue", q.cue.start, q.cue.end, `cue of a quotation by ${who}`);
    if (q.speaker) add("actor", q.speaker.start, q.speaker.end, `speaker ${q.speaker.code || ""} ${q.speaker.text}`);
  });
  const eventSpans = (rec.events || []).map((ev) => {
    const ids = new Set();
    const label = `${ev.code} ${ev.label || ""}`;
    if (ev.source) ids.add(add("actor", ev.source.start, ev.source.end, `source of ${label}: ${ev.source.code}`));
    if (ev.target) ids.add(add("actor", ev.target.start, ev.target.end, `target of ${label}: ${ev.target.code}`));
    ids.add(add("verb", ev.verb.start, ev.verb.end, `verb of ${label}; rule ${ev.rule}`));
    if (ev.place) ids.add(add("place", ev.place.start, ev.place.end, `place of ${label}`));
    return ids;
  });
  $("#doc-text").replaceChildren(highlight(doc.text, spans));

  const tb = $("#doc-events tbody");
  tb.replaceChildren();
  (rec.events || []).forEach((ev, i) => {
    const tr = el("tr", { class: "doc-event" },
      el("td", {}, String(i + 1)),
      el("td", { class: "label" }, el("span", { class: "code" }, ev.code), " ", ev.label || "", ev.negated ? " (negated)" : ""),
      actorCell(ev.source),
      el("td", {}, ev.verb.text),
      actorCell(ev.target),
      goldCell(ev.goldstein),
      el("td", {}, ev.place ? ev.place.name : ""),
      el("td", { class: "code rule" }, ev.rule || ""));
    tr.addEventListener("mouseenter", () => focusSpans(eventSpans[i]));
    tr.addEventListener("mouseleave", () => focusSpans(new Set()));
    tb.append(tr);
  });
  const qb = $("#doc-quotes tbody");
  qb.replaceChildren();
  for (const q of rec.quotes || []) {
    qb.append(el("tr", {}, el("td", {}, q.speaker ? `${q.speaker.text} ${q.speaker.code || ""}` : "—"),
      el("td", {}, q.cue ? q.cue.text : ""), el("td", { class: "sentence" }, q.text)));
  }
  const pb = $("#doc-places tbody");
  pb.replaceChildren();
  for (const p of rec.places || []) {
    pb.append(el("tr", {}, el("td", {}, p.name), el("td", {}, p.country || ""), el("td", { class: "code" }, p.feature || ""),
      el("td", { class: "num" }, `${fmt(p.lat)}, ${fmt(p.lon)}`)));
  }
}

// ---- routing ----

const VIEWS = { events: showEvents, timeline: showTimeline, map: showMap, network: showNetwork, quotes: showQuotes };

async function route() {
  const h = readHash();
  const view = h.view === "doc" || VIEWS[h.view] ? h.view : "events";
  if (view !== "doc") {
    setFilters(h.params);
    state.offset = Number(h.params.offset) || 0;
  }
  for (const s of document.querySelectorAll(".view")) s.hidden = s.id !== "view-" + view;
  for (const a of document.querySelectorAll("#tabs a")) a.classList.toggle("active", a.dataset.view === view);
  state.view = view;
  status("");
  document.body.dataset.loading = "1";
  try {
    if (view === "doc") await showDoc(h.id);
    else await VIEWS[view]();
  } catch (err) {
    status(err.message);
  } finally {
    delete document.body.dataset.loading;
    document.body.dataset.ready = view;
  }
}

function init() {
  $("#filters").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const view = state.view === "doc" ? "events" : state.view;
    writeHash(view, filters());
  });
  $("#reset").addEventListener("click", (ev) => { ev.preventDefault(); setFilters({}); writeHash(state.view === "doc" ? "events" : state.view, {}); });
  $("#prev").addEventListener("click", () => writeHash("events", { ...filters(), offset: Math.max(0, state.offset - PAGE) }));
  $("#next").addEventListener("click", () => writeHash("events", { ...filters(), offset: state.offset + PAGE }));
  $("#interval").addEventListener("change", () => route());
  for (const a of document.querySelectorAll("#tabs a")) {
    a.addEventListener("click", (ev) => { ev.preventDefault(); writeHash(a.dataset.view, filters()); });
  }
  window.addEventListener("hashchange", route);
  route();
}

init();
