/* A small SVG timeline of estimates: first stated (the earliest story's publication date) across, figure up on a log scale, a bar from low to high,
 * coloured by claimant, each mark a link to its stories. Hand-written so the page needs no library or CDN.
 * Every text node is set with textContent: claimants and quotes are crawled text. */
"use strict";

(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
                   "#9c755f", "#bab0ac"];
  const UNATTRIBUTED = "unattributed";
  const DAY = 86400000;

  function el(name, attrs, parent) {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    if (parent) parent.appendChild(node);
    return node;
  }

  /* The figure a mark stands at: the single number, or the middle of a range in log space. */
  function span(e) {
    const low = e.low != null ? Math.max(e.low, 1) : null;
    const high = e.high != null ? Math.max(e.high, 1) : null;
    if (low != null && high != null) return { low, high, at: Math.sqrt(low * high) };
    const one = low != null ? low : high;
    return one != null ? { low: one, high: one, at: one } : null;
  }

  function claimantOf(e) { return e.claimant && e.claimant.trim() ? e.claimant.trim() : UNATTRIBUTED; }

  /* Claimants by how often they appear, so the commonest get the clearest colours. */
  function colours(estimates) {
    const counts = new Map();
    for (const e of estimates) counts.set(claimantOf(e), (counts.get(claimantOf(e)) || 0) + 1);
    const names = [...counts.keys()].sort((a, b) => counts.get(b) - counts.get(a) || a.localeCompare(b));
    const map = new Map();
    let i = 0;
    for (const name of names) {
      map.set(name, name === UNATTRIBUTED ? "#8c8c8c" : PALETTE[i++ % PALETTE.length]);
    }
    return map;
  }

  function logTicks(lo, hi) {
    const ticks = [];
    for (let p = Math.floor(Math.log10(lo)); p <= Math.ceil(Math.log10(hi)); p++) {
      for (const m of (Math.log10(hi / lo) < 2.5 ? [1, 2, 5] : [1])) {
        const v = m * Math.pow(10, p);
        if (v >= lo && v <= hi) ticks.push(v);
      }
    }
    return ticks;
  }

  function dateTicks(t0, t1, count) {
    const ticks = [];
    for (let i = 0; i <= count; i++) ticks.push(t0 + (t1 - t0) * i / count);
    return ticks;
  }

  function label(e) {
    const s = span(e);
    const fig = e.low != null && e.high != null && e.low !== e.high
      ? `${e.low.toLocaleString("en")}–${e.high.toLocaleString("en")}`
      : (s ? s.at.toLocaleString("en") : "?");
    return `${fig} ${e.victims || ""} ${e.outcome || ""}${e.place ? " in " + e.place : ""} — ${claimantOf(e)}, ` +
           `first stated ${(e.first_stated || e.first_seen || "").slice(0, 10)}, ${e.mentions} stor${e.mentions === 1 ? "y" : "ies"}`;
  }

  /* Draws `estimates` into `container`; returns the claimant colours for a legend. */
  function render(container, estimates, options) {
    const opts = options || {};
    const width = Math.max(container.clientWidth || 900, 480), height = 320;
    const m = { top: 16, right: 18, bottom: 34, left: 64 };
    container.replaceChildren();
    const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, width, height, "aria-hidden": "false" }, container);
    const plotted = estimates.map((e) => ({ e, s: span(e), t: Date.parse(e.first_stated || e.first_seen) }))
      .filter((p) => p.s && !Number.isNaN(p.t));
    const palette = colours(estimates);
    if (!plotted.length) {
      const t = el("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "empty" }, svg);
      t.textContent = "No estimates yet.";
      return palette;
    }
    let t0 = Math.min(...plotted.map((p) => p.t)), t1 = Math.max(...plotted.map((p) => p.t));
    if (t1 - t0 < DAY) { t0 -= DAY; t1 += DAY; }
    const pad = (t1 - t0) * 0.04;
    t0 -= pad; t1 += pad;
    const lo = Math.pow(10, Math.floor(Math.log10(Math.min(...plotted.map((p) => p.s.low)))));
    const hi = Math.pow(10, Math.ceil(Math.log10(Math.max(...plotted.map((p) => p.s.high)) * 1.0001)));
    const x = (t) => m.left + (t - t0) / (t1 - t0) * (width - m.left - m.right);
    const y = (v) => height - m.bottom - (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))
      * (height - m.top - m.bottom);

    const axes = el("g", { class: "axis" }, svg);
    for (const v of logTicks(lo, hi)) {
      el("line", { x1: m.left, x2: width - m.right, y1: y(v), y2: y(v), class: "grid" }, axes);
      const t = el("text", { x: m.left - 6, y: y(v) + 4, "text-anchor": "end" }, axes);
      t.textContent = v.toLocaleString("en");
    }
    const short = t1 - t0 < 4 * DAY;  // within a few days the hour matters; otherwise the date is enough
    let previous = "";
    for (const t of dateTicks(t0 + pad, t1 - pad, Math.min(6, Math.max(1, Math.round((width - 120) / 140))))) {
      const iso = new Date(t).toISOString();
      const text = short ? `${iso.slice(5, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
      if (text === previous) continue;
      previous = text;
      const txt = el("text", { x: x(t), y: height - m.bottom + 18, "text-anchor": "middle" }, axes);
      txt.textContent = text;
    }
    el("line", { x1: m.left, x2: width - m.right, y1: height - m.bottom, y2: height - m.bottom }, axes);

    const marks = el("g", { class: "marks" }, svg);
    for (const p of plotted) {
      const colour = palette.get(claimantOf(p.e));
      const link = el("a", { href: `#estimate-${p.e.id}`, class: "mark", "data-id": p.e.id }, marks);
      el("title", {}, link).textContent = label(p.e);
      if (p.s.high > p.s.low) {
        el("line", { x1: x(p.t), x2: x(p.t), y1: y(p.s.low), y2: y(p.s.high), stroke: colour }, link);
      }
      el("circle", { cx: x(p.t), cy: y(p.s.at), r: 5, fill: colour }, link);
      if (opts.onSelect) {
        link.addEventListener("click", () => opts.onSelect(p.e.id));
      }
    }
    return palette;
  }

  window.Timeline = { render, claimantOf };
})();
