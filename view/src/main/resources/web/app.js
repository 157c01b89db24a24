// The live page: polls the JSON API every few seconds and redraws. No framework; charts by uPlot.
"use strict";

const REFRESH_MS = 3000;
const COLORS = ["#2563eb", "#dc2626", "#16a34a", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#65a30d",
  "#ea580c", "#4f46e5", "#0d9488", "#a21caf", "#ca8a04", "#475569", "#be123c", "#15803d"];
const charts = {};

class ApiError extends Error {}

async function api(path) {
  const response = await fetch(path, { cache: "no-store" });
  const body = await response.json().catch(() => ({ error: `HTTP ${response.status}` }));
  if (!response.ok) throw new ApiError(body.error || `HTTP ${response.status}`);
  return body;
}

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function fillRows(tableId, rows) {
  const body = document.querySelector(`#${tableId} tbody`);
  body.replaceChildren(...rows.map(cells => {
    const tr = el("tr");
    cells.forEach(cell => tr.appendChild(el("td", cell)));
    return tr;
  }));
}

function number(value, digits = 0) {
  return value === null || value === undefined ? "–" : Number(value).toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

function utc(instant) {
  return instant.replace("T", " ").replace(/(\.\d+)?Z$/, "");
}

function drawChart(id, series, data) {
  const container = document.getElementById(id);
  const width = Math.max(container.clientWidth, 400);
  const key = series.map(s => s.label).join("|");
  if (charts[id] && charts[id].key === key) {
    charts[id].plot.setData(data);
    return;
  }
  if (charts[id]) charts[id].plot.destroy();
  const options = {
    width, height: 240, series: [{}, ...series], scales: { x: { time: true } }, axes: [{}, { size: 60 }],
    tzDate: seconds => uPlot.tzDate(new Date(seconds * 1000), "Etc/UTC"),
  };
  charts[id] = { key, plot: new uPlot(options, data, container) };
}

function showBanner(problems) {
  const banner = document.getElementById("banner");
  banner.hidden = problems.length === 0;
  banner.textContent = problems.join(" · ");
}

async function refreshStatus() {
  try {
    const status = await api("/api/status");
    const problems = [];
    if (!status.kafkaUp) problems.push(`Kafka is down: ${status.kafkaError}`);
    if (!status.cassandraUp) problems.push(`Cassandra is down: ${status.cassandraError}`);
    showBanner(problems);
  } catch (e) {
    showBanner([`The view's server does not answer (${e.message}); retrying`]);
  }
}

async function refreshThroughput() {
  const t = await api("/api/throughput");
  document.getElementById("written-rate").textContent = number(t.writtenPerSecondLastMinute, 1);
  document.getElementById("total-lag").textContent = number(t.totalLag);
  const times = t.rates.map(r => Date.parse(r.time) / 1000);
  drawChart("throughput-chart",
    [{ label: "produced/s", stroke: "#9ca3af", width: 1 }, { label: "written/s", stroke: "#2563eb", width: 2 }],
    [times, t.rates.map(r => r.producedPerSecond), t.rates.map(r => r.writtenPerSecond)]);
  fillRows("lag-table", t.partitions.map(p => [p.partition, number(p.logEnd), number(p.committed), number(p.lag)]));
}

async function refreshNodes() {
  const n = await api("/api/nodes");
  const rows = n.kafka.nodes.map(k => ["Kafka", k.id, k.address || "–", k.up ? "up" : "down"])
    .concat(n.cassandra.map(c => ["Cassandra", c.datacenter, c.address, c.up ? "up" : "down"]));
  fillRows("nodes-table", rows);
  const down = rows.filter(r => r[3] === "down").length;
  document.getElementById("nodes-summary").textContent = n.kafka.error
    ? `Kafka's nodes unknown: ${n.kafka.error}`
    : `${rows.length - down} of ${rows.length} nodes up · ${n.kafka.underReplicatedPartitions} under-replicated, ` +
      `${n.kafka.offlinePartitions} offline partitions`;
}

async function refreshWindows() {
  const people = (await api("/api/windows?windows=20")).filter(p => p.windows.length > 0);
  const starts = [...new Set(people.flatMap(p => p.windows.map(w => Date.parse(w.windowStart) / 1000)))].sort((a, b) => a - b);
  const perPerson = figure => [starts, ...people.map(p => {
    const byStart = new Map(p.windows.map(w => [Date.parse(w.windowStart) / 1000, w[figure]]));
    return starts.map(s => byStart.has(s) ? byStart.get(s) : null);
  })];
  const series = people.map((p, i) => ({ label: p.name, stroke: COLORS[i % COLORS.length], width: 2, points: { show: true } }));
  drawChart("windows-chart", series, perPerson("ratings"));
  drawChart("average-chart", series, perPerson("avgRating"));
  fillRows("windows-table", people.map(p => {
    const last = p.windows[p.windows.length - 1];
    return [p.name, utc(last.windowStart), number(last.ratings), number(last.avgRating, 2)];
  }));
}

async function refreshTrending() {
  const rankings = await api("/api/trending?windows=3");
  const container = document.getElementById("trending");
  if (rankings.length === 0) {
    container.replaceChildren(el("p", "No closed window yet today.", "muted"));
    return;
  }
  container.replaceChildren(...rankings.map(ranking => {
    const block = el("div", null, "window");
    block.appendChild(el("h3", `${utc(ranking.windowStart)} – ${utc(ranking.windowEnd).slice(11)} UTC`));
    const most = Math.max(...ranking.titles.map(t => t.ratings), 1);
    ranking.titles.forEach(title => {
      const bar = el("div", null, "bar");
      bar.appendChild(el("span", title.title, "label"));
      const fill = el("span", null, "fill");
      fill.style.width = `${Math.round(200 * title.ratings / most)}px`;
      bar.appendChild(fill);
      bar.appendChild(el("span", String(title.ratings), "count"));
      block.appendChild(bar);
    });
    return block;
  }));
}

async function refreshPeople() {
  const select = document.getElementById("person");
  const people = await api("/api/people");
  const current = select.value;
  if ([...select.options].map(o => o.value).join("|") === people.join("|")) return;
  select.replaceChildren(...people.map(name => el("option", name)));
  if (people.includes(current)) select.value = current;
}

async function refreshDeadLetters() {
  const d = await api("/api/dead-letters");
  document.getElementById("dead-letters-total").textContent = number(d.total);
  // The counts stand still while the topic cannot be read: say why.
  const error = document.getElementById("dead-letters-error");
  error.hidden = !d.error;
  error.textContent = d.error ? `Not reading the dead letters: ${d.error}` : "";
  // Most ratings rejected for their time means a clock is wrong, not the ratings.
  const future = d.byReason.FUTURE_TIMESTAMP || 0;
  const skew = document.getElementById("dead-letters-clock");
  skew.hidden = !(future > 0 && 2 * future > d.total);
  skew.textContent = skew.hidden ? "" : `Most dead letters (${number(future)}) are FUTURE_TIMESTAMP: `
    + "the producers' clocks run ahead of the pipeline's, or its behind. Sync both with NTP.";
  fillRows("dead-letters-reasons", Object.entries(d.byReason).map(([reason, count]) => [reason, number(count)]));
  fillRows("dead-letters-latest", d.latest.map(l => [l.reason, l.detail, `${l.source.topic}/${l.source.partition}@${l.source.offset}`]));
}

function formError(message) {
  const error = document.getElementById("form-error");
  error.hidden = !message;
  error.textContent = message || "";
}

async function ask(path, render) {
  formError(null);
  try {
    render(await api(path));
  } catch (e) {
    formError(e.message);
  }
}

function query(fields) {
  return new URLSearchParams(Object.fromEntries(fields.map(f => [f, document.querySelector(`#questions [name=${f}]`).value]))).toString();
}

document.getElementById("ask-avg").addEventListener("click", () => ask(`/api/avg-duration?${query(["name", "from", "to"])}`, answer => {
  document.getElementById("avg-answer").textContent = answer.avgDurationMinutes === null
    ? `${answer.name} rated no movie with a runtime in that range (${answer.ratings} ratings).`
    : `${number(answer.avgDurationMinutes, 1)} minutes on average over ${answer.movies} movies (${answer.ratings} ratings).`;
}));

document.getElementById("ask-hour").addEventListener("click", () => ask(`/api/movies?${query(["name", "hour"])}`, answer => {
  const target = document.getElementById("hour-answer");
  if (answer.ratings.length === 0) {
    target.replaceChildren(el("p", `${answer.name} rated nothing in that hour.`));
    return;
  }
  const table = el("table");
  table.id = "hour-table";
  const head = el("tr");
  ["time (UTC)", "title", "rating", "director", "minutes", "year"].forEach(h => head.appendChild(el("th", h)));
  table.appendChild(head);
  answer.ratings.forEach(r => {
    const tr = el("tr");
    [utc(r.timestamp), r.movie, r.rating, r.director, r.duration, r.releaseYear].forEach(v => tr.appendChild(el("td", v ?? "–")));
    table.appendChild(tr);
  });
  target.replaceChildren(table);
}));

async function refresh() {
  await refreshStatus();
  const parts = [refreshThroughput, refreshNodes, refreshWindows, refreshTrending, refreshPeople, refreshDeadLetters];
  const results = await Promise.allSettled(parts.map(part => part()));
  const failed = results.filter(r => r.status === "rejected").length;
  document.getElementById("updated").textContent =
    `updated ${new Date().toISOString().slice(11, 19)} UTC${failed ? ` (${failed} of ${parts.length} parts unavailable)` : ""}`;
}

refresh();
setInterval(refresh, REFRESH_MS);
