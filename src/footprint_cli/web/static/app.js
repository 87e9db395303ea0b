/* footprint's page: asks the local JSON API and draws its answers. No model logic here: every
   number shown comes from the engine's JSON (the same as the command line's --format json). */
"use strict";

const STAGES = ["production", "processing", "storage", "losses", "transport", "packaging", "retail"];
const SVG_NS = "http://www.w3.org/2000/svg";
const state = {
  lang: document.documentElement.lang === "en" ? "en" : "fr",
  maxUploadMb: Number(document.documentElement.dataset.maxUploadMb || 50),
  texts: {},
  sources: null,
};

/* ------------------------------------------------------------------ helpers */

function tr(key, params) {
  let s = state.texts[key] !== undefined ? state.texts[key] : key;
  for (const [k, v] of Object.entries(params || {})) s = s.split("{" + k + "}").join(String(v));
  return s;
}

function el(tag, attrs, ...children) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVG_NS, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : String(c));
  return node;
}

function num(x, digits) {
  const loc = state.lang === "fr" ? "fr-FR" : "en-GB";
  return new Intl.NumberFormat(loc, { maximumSignificantDigits: digits || 3 }).format(x);
}

function eur(x) {
  const loc = state.lang === "fr" ? "fr-FR" : "en-GB";
  return new Intl.NumberFormat(loc, { style: "currency", currency: "EUR", maximumFractionDigits: 2 }).format(x);
}

function pct(x) {
  const loc = state.lang === "fr" ? "fr-FR" : "en-GB";
  return new Intl.NumberFormat(loc, { style: "percent", maximumFractionDigits: 0 }).format(x);
}

class ApiError extends Error {
  constructor(status, lines, suggestions) {
    super(lines.join("\n"));
    this.status = status;
    this.lines = lines;
    this.suggestions = suggestions || [];
  }
}

function url(path, params) {
  const u = new URL(path, window.location.origin);
  u.searchParams.set("lang", state.lang);
  for (const [k, v] of Object.entries(params || {})) {
    if (v === null || v === undefined || v === "") continue;
    if (Array.isArray(v)) v.forEach((x) => u.searchParams.append(k, x));
    else u.searchParams.set(k, v);
  }
  return u;
}

async function api(path, params, init) {
  let resp;
  try {
    resp = await fetch(url(path, params), init);
  } catch (e) {
    throw new ApiError(0, [tr("web.err.network")]);
  }
  if (!resp.ok) {
    let body = null;
    try { body = await resp.json(); } catch (e) { /* not JSON */ }
    const err = body && body.error;
    throw new ApiError(resp.status, err ? err.lines : [String(resp.status)], err ? err.suggestions : []);
  }
  return resp.json();
}

function showError(box, err) {
  box.replaceChildren(...err.lines.map((l) => el("p", { text: l })));
  box.dataset.status = String(err.status);
  box.hidden = false;
}

function fill(box, ...children) {
  box.replaceChildren(...children.filter((c) => c !== null && c !== undefined));
}

function shortMonth(m) {
  const loc = state.lang === "fr" ? "fr-FR" : "en-GB";
  return new Intl.DateTimeFormat(loc, { month: "short", timeZone: "UTC" }).format(new Date(Date.UTC(2001, m - 1, 15)));
}

function clearError(box) {
  box.hidden = true;
  box.replaceChildren();
}

function busy(box) {
  box.replaceChildren(el("p", { class: "loading", text: tr("web.loading") }));
}

function seasonText(status, months) {
  return tr("season." + status, { months: months });
}

/* ------------------------------------------------------------------ texts and navigation */

function applyTexts() {
  document.querySelectorAll("[data-t]").forEach((n) => { n.textContent = tr(n.dataset.t); });
  document.querySelectorAll("[data-ph]").forEach((n) => { n.placeholder = tr(n.dataset.ph); });
  document.title = tr("web.title");
  document.querySelectorAll("select.month-select").forEach((sel) => {
    for (let m = 1; m <= 12; m++) sel.append(el("option", { value: m, text: tr("month." + m) }));
  });
  document.getElementById("month").value = String(new Date().getMonth() + 1);
  document.getElementById("report-privacy").textContent = tr("web.report.privacy", { limit: state.maxUploadMb });
  const other = state.lang === "fr" ? "en" : "fr";
  const sw = document.getElementById("lang-switch");
  sw.href = "?lang=" + other + window.location.hash;
  sw.lang = other;
  sw.addEventListener("click", (ev) => { ev.preventDefault(); window.location.href = "?lang=" + other + window.location.hash; });
}

function route() {
  const id = (window.location.hash || "#comparer").slice(1);
  const pages = ["comparer", "saisons", "rapport"];
  const current = pages.includes(id) ? id : "comparer";
  for (const p of pages) {
    document.getElementById(p).hidden = p !== current;
    document.getElementById("nav-" + p).setAttribute("aria-current", p === current ? "page" : "false");
  }
}

/* ------------------------------------------------------------------ search as you type */

function C() {
  /* a colon as each language writes it: "prix : 3 €" in French, "price: €3" in English */
  return state.lang === "fr" ? "\u00a0: " : ": ";
}

function cap(s) {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

function productName(p) {
  return cap(state.lang === "fr" ? p.name_fr : p.name_en);
}

let searchTimer = null;
function searchProducts(text) {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(async () => {
    try {
      const data = await api("/api/products", { search: text.trim() || null });
      const list = document.getElementById("product-list");
      list.replaceChildren(...data.products.slice(0, 30).map((p) =>
        el("option", { value: productName(p), label: cap(state.lang === "fr" ? p.name_en : p.name_fr) })));
    } catch (e) { /* the list stays as it was */ }
  }, 120);
}

async function loadOrigins() {
  const data = await api("/api/origins", { kind: "country" });
  const list = document.getElementById("origin-list");
  const names = data.origins.map((o) => (state.lang === "fr" ? o.name_fr : o.name_en));
  names.sort((a, b) => a.localeCompare(b, state.lang));
  list.replaceChildren(...names.map((n) => el("option", { value: n })));
}

async function sources() {
  if (!state.sources) state.sources = await api("/api/sources");
  return state.sources;
}

/* ------------------------------------------------------------------ Comparer */

function stageLabel(s) { return tr("stage." + s); }

function stackedBars(options) {
  const width = 720, labelW = 210, barW = width - labelW - 20, rowH = 46, top = 10;
  const maxKg = Math.max(...options.map((o) => Math.max(o.total_kg_co2e, o.interval_kg_co2e[1])), 1e-9);
  const height = top + rowH * options.length + 10;
  const svg = el("svg:svg", {
    viewBox: `0 0 ${width} ${height}`, class: "bars", role: "img",
    "aria-label": tr("web.compare.chart"),
  });
  options.forEach((o, i) => {
    const y = top + i * rowH;
    svg.append(el("svg:text", { x: 0, y: y + 22, class: "bar-label", text: `${i + 1}. ${o.origin_name}` }));
    let x = labelW;
    for (const s of STAGES) {
      const v = o.stages[s] || 0;
      if (v <= 0) continue;
      const w = (v / maxKg) * barW;
      const rect = el("svg:rect", {
        x: x.toFixed(2), y: y + 6, width: Math.max(w, 0.5).toFixed(2), height: 26,
        fill: `url(#pat-${s})`, stroke: "#222", "stroke-width": 0.5, "data-stage": s,
      });
      rect.append(el("svg:title", { text: `${stageLabel(s)}${C()}${num(v)} kg CO2e` }));
      svg.append(rect);
      if (w > 70) {
        svg.append(el("svg:text", { x: (x + 4).toFixed(2), y: y + 24, class: "seg-label", text: stageLabel(s).split(" ")[0] }));
      }
      x += w;
    }
    const [lo, hi] = o.interval_kg_co2e;
    const x1 = labelW + (lo / maxKg) * barW, x2 = labelW + (hi / maxKg) * barW;
    svg.append(el("svg:path", { d: `M${x1} ${y + 38}H${x2}M${x1} ${y + 34}v8M${x2} ${y + 34}v8`, class: "whisker" }));
    svg.append(el("svg:text", {
      x: Math.min(x + 6, width - 4), y: y + 24, class: "bar-total",
      "text-anchor": x + 6 > width - 90 ? "end" : "start", text: `${num(o.total_kg_co2e)} kg`,
    }));
  });
  return svg;
}

function legend(options) {
  const used = STAGES.filter((s) => options.some((o) => (o.stages[s] || 0) > 0));
  return el("ul", { class: "legend" }, used.map((s) => el("li", {},
    el("svg:svg", { width: 22, height: 14, "aria-hidden": "true" }, el("svg:rect", { width: 22, height: 14, fill: `url(#pat-${s})`, stroke: "#222" })),
    " " + stageLabel(s))));
}

function equivalents(o) {
  /* The gap with the first option in everyday units (km by car...), as the engine's JSON gives it. */
  const items = o.equivalents_of_gap || [];
  if (!items.length) return null;
  const found = items.map((e) => `${e.value > 0 ? "+" : e.value < 0 ? "−" : ""}${num(Math.abs(e.value), 2)} ${e.unit}`);
  return el("p", { class: "equivalent" }, el("strong", { text: tr("web.compare.equivalent") + C() }), found.join(" ; "));
}

function routeMap(params) {
  /* The route map the printable sheet shows, drawn by the server from the same comparison. */
  return el("figure", { class: "route-map" },
    el("img", { src: url("/api/compare/map.svg", params), alt: tr("web.compare.map"), width: 360 }),
    el("figcaption", { text: tr("web.compare.map") }));
}

function factorItem(f, reg) {
  const src = reg[f.source];
  const cite = src ? `${src.publisher}, ${src.dataset} (${src.version})` : f.source;
  const link = src && src.url ? el("a", { href: src.url, rel: "noreferrer", target: "_blank", text: cite }) : cite;
  return el("li", {}, `${f.label}${C()}${num(f.value, 4)} ${f.unit} — `, link, ` — ${f.identifier}`,
    f.proxy ? el("span", { class: "proxy", text: " [" + tr("web.compare.proxy") + "]" }) : null);
}

function optionCard(o, i, reg, json) {
  const prob = o.prob_lower_than_first;
  const card = el("article", { class: "option", "data-origin": o.origin },
    el("h3", { text: `${i + 1}. ${o.product_name} — ${o.origin_name}` }),
    el("p", { class: "season", text: seasonText(o.season, o.storage_months) }),
    el("dl", {},
      el("dt", { text: tr("web.compare.total") }),
      el("dd", { class: "total" }, el("strong", { text: `${num(o.total_kg_co2e)} kg CO2e` }),
        ` (${tr("web.compare.interval")}${C()}${num(o.interval_kg_co2e[0])} – ${num(o.interval_kg_co2e[1])})`),
      el("dt", { text: tr("web.compare.price") }), el("dd", { class: "price", text: eur(o.price_eur) }),
      el("dt", { text: tr("web.compare.carbon_cost", { price: num(o.carbon_price_eur_per_t) }) }),
      el("dd", { class: "carbon-cost", text: eur(o.carbon_cost_eur) }),
      prob !== undefined ? el("dt", { text: tr("web.compare.prob") }) : null,
      prob !== undefined ? el("dd", { class: "prob", text: pct(prob) }) : null),
    equivalents(o),
    el("details", { class: "legs" }, el("summary", { text: tr("web.compare.route") }),
      el("ol", {}, o.legs.map((l) => el("li", {
        text: `${tr("mode." + l.mode)}${C()}${l.from} → ${l.to}, ${num(l.distance_km, 4)} km, ${num(l.kg_co2e)} kg CO2e`,
      })))),
    o.flags.length ? el("details", { class: "flags" }, el("summary", { text: tr("web.compare.flags") }),
      el("ul", {}, o.flags.map((f) => el("li", { text: f.text })))) : null,
    el("details", { class: "sources" }, el("summary", { text: tr("web.compare.sources") }),
      el("ul", {}, o.factors.map((f) => factorItem(f, reg)))),
    el("details", { class: "explain", ontoggle: (ev) => explainInto(ev.target, o, json) },
      el("summary", { text: tr("web.compare.explain") }), el("div", {})));
  return card;
}

async function explainInto(details, o, json) {
  if (!details.open || details.dataset.loaded) return;
  details.dataset.loaded = "1";
  const box = details.querySelector("div");
  busy(box);
  try {
    const data = await api("/api/explain", {
      product: o.product, origin: o.origin_place, month: o.month, no_local: "true",
      quantity: o.quantity_kg + "kg", system: null, draws: json.monte_carlo.draws, seed: json.monte_carlo.seed,
    });
    const ex = data.options[0];
    box.replaceChildren(el("p", { text: ex.season_text }), el("ol", {}, ex.steps.map((s) => el("li", {},
      el("strong", { text: `${s.label}${C()}${num(s.kg_co2e)} kg CO2e` }), el("br"), el("code", { text: s.formula }),
      s.lines.length ? el("ul", {}, s.lines.map((l) => el("li", { text: l }))) : null))));
  } catch (e) {
    box.replaceChildren(el("p", { class: "error", text: e.message }));
  }
}

function compareParams() {
  const origins = [...document.querySelectorAll("#origins input.origin")].map((i) => i.value.trim()).filter(Boolean);
  return {
    product: document.getElementById("product").value.trim(),
    origin: origins,
    no_local: document.getElementById("local").checked ? null : "true",
    month: document.getElementById("month").value,
    quantity: document.getElementById("quantity").value.trim() || "1kg",
  };
}

async function runCompare() {
  const box = document.getElementById("compare-result");
  const errBox = document.getElementById("compare-error");
  clearError(errBox);
  busy(box);
  try {
    const params = compareParams();
    const [json, reg, told] = await Promise.all([api("/api/compare", params), sources(), api("/api/compare/notes", params)]);
    box.replaceChildren(
      ...told.notes.map((n) => el("p", { class: "note", text: n })),
      el("p", { class: "summary", text: json.summary }),
      el("figure", { class: "chart" }, el("figcaption", { text: tr("web.compare.chart") }), stackedBars(json.options), legend(json.options)),
      routeMap(params),
      el("div", { class: "options" }, json.options.map((o, i) => optionCard(o, i, reg, json))));
    box.dataset.month = String(json.options[0].month);
  } catch (e) {
    box.replaceChildren();
    showError(errBox, e instanceof ApiError ? e : new ApiError(0, [String(e)]));
  }
}

function addOriginRow(value) {
  const row = el("div", { class: "origin-row" },
    el("input", { class: "origin", list: "origin-list", placeholder: tr("web.compare.origin_ph"), value: value || "" }),
    el("button", { type: "button", class: "secondary remove", text: tr("web.compare.remove"), onclick: () => row.remove() }));
  document.getElementById("add-origin").before(row);
  return row;
}

/* ------------------------------------------------------------------ Saisons */

async function footprintRow(productId, origin, cells) {
  /* kg CO2e per kg of the local option, month by month, from the compare API. */
  const results = await Promise.all(cells.map((_, i) =>
    api("/api/compare", { product: productId, local: origin, month: i + 1 }).then(
      (j) => j.options[0].total_kg_co2e, () => null)));
  return results;
}

async function runSeason() {
  const box = document.getElementById("season-result");
  const errBox = document.getElementById("season-error");
  clearError(errBox);
  busy(box);
  const origin = document.getElementById("season-origin").value.trim() || "FR";
  try {
    const json = await api("/api/season", {
      product: document.getElementById("season-product").value.trim() || null,
      category: document.getElementById("season-category").value || null,
      origin: origin,
    });
    const head = el("tr", {}, el("th", { scope: "col", text: "" }),
      [...Array(12).keys()].map((m) => el("th", { scope: "col", title: tr("month." + (m + 1)), text: shortMonth(m + 1) })));
    const body = el("tbody", {});
    for (const p of json.products) {
      body.append(el("tr", { "data-product": p.product }, el("th", { scope: "row", text: p.name }),
        p.months.map((c) => el("td", { class: "st st-" + c.status, title: c.text },
          el("span", { text: c.text }),
          c.kg_co2e_per_kg !== undefined ? el("b", { text: num(c.kg_co2e_per_kg, 2) }) : null))));
      const fpRow = el("tr", { class: "fp-row", "data-product": p.product },
        el("th", { scope: "row", text: tr("web.season.footprint_row") }));
      const load = async () => {
        fpRow.replaceChildren(fpRow.firstChild, el("td", { colspan: 12, class: "loading", text: tr("web.loading") }));
        const values = await footprintRow(p.product, origin, p.months);
        fpRow.replaceChildren(fpRow.firstChild, ...values.map((v) => el("td", { class: "fp", text: v === null ? "—" : num(v, 2) })));
      };
      if (json.products.length === 1) { body.append(fpRow); load(); }
      else {
        fpRow.append(el("td", { colspan: 12 }, el("button", { type: "button", class: "secondary", text: tr("web.season.show_footprint"), onclick: load })));
        body.append(fpRow);
      }
    }
    box.replaceChildren(el("p", { class: "note", text: tr("web.season.per_kg") }),
      el("div", { class: "scroll" }, el("table", { class: "calendar" }, el("thead", {}, head), body)));
  } catch (e) {
    box.replaceChildren();
    showError(errBox, e instanceof ApiError ? e : new ApiError(0, [String(e)]));
  }
}

/* ------------------------------------------------------------------ Rapport */

function download(name, text, type) {
  const blob = new Blob([text], { type: type });
  return el("a", { class: "button", href: URL.createObjectURL(blob), download: name, "data-name": name });
}

async function runReport() {
  const box = document.getElementById("report-result");
  const errBox = document.getElementById("report-error");
  clearError(errBox);
  const file = document.getElementById("report-file").files[0];
  if (!file) return;
  if (file.size > state.maxUploadMb * 1024 * 1024) {
    box.replaceChildren();
    showError(errBox, new ApiError(413, [tr("web.err.too_large", { limit: state.maxUploadMb }), tr("web.err.too_large.hint")]));
    return;
  }
  busy(box);
  try {
    const json = await api("/api/report", {
      output: "bundle", filename: file.name,
      month: document.getElementById("report-month").value || null,
      to: document.getElementById("report-to").value.trim() || null,
    }, { method: "POST", body: file, headers: { "Content-Type": "application/octet-stream" } });
    const s = json.summary;
    const links = el("p", { class: "downloads" },
      Object.assign(download(json.lines_csv.name, json.lines_csv.text, "text/csv"), { id: "download-lines", textContent: tr("web.report.download_lines") }),
      Object.assign(download(json.rejected_csv.name, json.rejected_csv.text, "text/csv"), { id: "download-rejected", textContent: tr("web.report.download_rejected") }),
      Object.assign(download(json.html.name, json.html.text, "text/html"), { id: "download-html", textContent: tr("web.report.download_html") }));
    const frame = el("iframe", { class: "report-frame", sandbox: "", title: tr("web.report.full") });
    frame.srcdoc = json.html.text;
    fill(box,
      el("p", { class: "coverage", text: tr("web.report.coverage", { read: s.coverage.rows_read, computed: s.coverage.rows_computed, rejected: s.coverage.rows_rejected }) }),
      el("p", { class: "total" }, el("strong", { text: `${tr("web.report.total")}${C()}${num(s.totals.kg_co2e)} kg CO2e` }),
        ` (${tr("web.compare.interval")}${C()}${num(s.totals.interval_kg_co2e[0])} – ${num(s.totals.interval_kg_co2e[1])})`),
      links,
      s.rejected.length ? el("details", { class: "rejected", open: s.rejected.length <= 20 },
        el("summary", { text: tr("web.report.rejected") }),
        el("ul", {}, s.rejected.slice(0, 500).map((r) => el("li", { text: `${r.line}${C()}${r.reason}` })))) : null,
      el("h2", { text: tr("web.report.full") }), frame);
  } catch (e) {
    box.replaceChildren();
    showError(errBox, e instanceof ApiError ? e : new ApiError(0, [String(e)]));
  }
}

/* ------------------------------------------------------------------ start */

async function start() {
  const ui = await api("/api/ui");
  state.texts = ui.texts;
  state.maxUploadMb = ui.max_upload_mb;
  applyTexts();
  route();
  window.addEventListener("hashchange", route);
  const product = document.getElementById("product");
  product.addEventListener("input", () => searchProducts(product.value));
  document.getElementById("season-product").addEventListener("input", (ev) => searchProducts(ev.target.value));
  document.getElementById("add-origin").addEventListener("click", () => addOriginRow("").querySelector("input").focus());
  document.getElementById("compare-form").addEventListener("submit", (ev) => { ev.preventDefault(); runCompare(); });
  document.getElementById("month").addEventListener("change", () => {
    if (document.getElementById("compare-result").childElementCount) runCompare();
  });
  document.getElementById("season-form").addEventListener("submit", (ev) => { ev.preventDefault(); runSeason(); });
  document.getElementById("report-form").addEventListener("submit", (ev) => { ev.preventDefault(); runReport(); });
  searchProducts("");
  loadOrigins().catch(() => {});
  document.body.dataset.ready = "1";
}

start();
