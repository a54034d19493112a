/* The timeline of claims: when each estimate was first stated (the earliest story's publication date) across,
 * its figure up on a log scale with a bar from low to high, colour by claimant, shape by kind (a circle for a
 * toll, a diamond for one incident), and a dashed line from each revision back to what it revises.
 * Hand-written SVG so the page needs no library or CDN. Crawled text (claimants, places) only ever goes in
 * through textContent. */
"use strict";

(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#ff9da7",
                   "#9c755f"];
  const UNATTRIBUTED = "unattributed";
  const OTHERS = "other claimants";
  const GREY = { [UNATTRIBUTED]: "#9a9a9a", [OTHERS]: "#5f5f5f" };
  const DAY = 86400000;
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

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

  function stated(e) { return Date.parse(e.first_stated || e.first_seen); }

  function dated(e) { return e.first_stated_from !== "fetched"; }

  /* The commonest claimants get the clear colours; past the palette they share one, so 500 marks stay readable. */
  function colours(estimates) {
    const counts = new Map();
    for (const e of estimates) counts.set(claimantOf(e), (counts.get(claimantOf(e)) || 0) + 1);
    const names = [...counts.keys()].filter((n) => n !== UNATTRIBUTED)
      .sort((a, b) => counts.get(b) - counts.get(a) || a.localeCompare(b));
    const map = new Map();
    names.forEach((name, i) => map.set(name, i < PALETTE.length ? PALETTE[i] : GREY[OTHERS]));
    if (counts.has(UNATTRIBUTED)) map.set(UNATTRIBUTED, GREY[UNATTRIBUTED]);
    return map;
  }

  /* The legend's rows: each coloured claimant, then "other claimants" once if the palette ran out. */
  function legendOf(palette) {
    const rows = [];
    let others = false;
    for (const [name, colour] of palette) {
      if (colour === GREY[OTHERS]) others = true; else rows.push([name, colour]);
    }
    if (others) rows.push([OTHERS, GREY[OTHERS]]);
    return rows;
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

  /* Calendar ticks: years when the marks span years, else months (January named by its year), else days. */
  function timeTicks(t0, t1, room) {
    const ticks = [];
    const years = (t1 - t0) / (365.25 * DAY);
    const first = new Date(t0);
    if (years >= 1.5) {
      const step = Math.max(1, Math.ceil(years / Math.max(room, 1)));
      for (let y = first.getUTCFullYear() + 1; Date.UTC(y, 0, 1) <= t1; y += step) {
        ticks.push({ t: Date.UTC(y, 0, 1), text: String(y), major: true });
      }
      if (ticks.length < 2) ticks.unshift({ t: t0, text: String(first.getUTCFullYear()), major: true });
      return ticks;
    }
    if (t1 - t0 >= 45 * DAY) {
      const months = (t1 - t0) / (30.44 * DAY);
      const step = [1, 2, 3, 6].find((s) => months / s <= room) || 6;
      let y = first.getUTCFullYear(), m = first.getUTCMonth() + 1;
      for (; Date.UTC(y, m, 1) <= t1; m += step) {
        if (m >= 12) { y += Math.floor(m / 12); m %= 12; }
        const t = Date.UTC(y, m, 1);
        if (t > t1) break;
        ticks.push({ t, text: m === 0 ? String(y) : `${MONTHS[m]} ${y}`, major: m === 0 });
      }
      return ticks;
    }
    const days = Math.max(1, Math.ceil((t1 - t0) / DAY / Math.max(room, 1)));
    for (let t = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), first.getUTCDate() + 1); t <= t1; t += days * DAY) {
      const d = new Date(t);
      ticks.push({ t, text: `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`, major: false });
    }
    return ticks;
  }

  function label(e) {
    const s = span(e);
    const fig = e.low != null && e.high != null && e.low !== e.high
      ? `${e.low.toLocaleString("en")}–${e.high.toLocaleString("en")}`
      : (s ? s.at.toLocaleString("en") : "?");
    return `${fig} ${e.victims || ""} ${e.outcome || ""}${e.place ? " in " + e.place : ""} (${e.kind || "toll"}) — ` +
           `${claimantOf(e)}, first stated ${(e.first_stated || e.first_seen || "").slice(0, 10)}, ` +
           `${e.mentions} stor${e.mentions === 1 ? "y" : "ies"}${e.revises ? ", revises an earlier estimate" : ""}`;
  }

  function shape(kind, cx, cy, r, colour, parent) {
    if (kind === "incident") {
      const d = r * 1.25;
      return el("path", { d: `M${cx} ${cy - d}L${cx + d} ${cy}L${cx} ${cy + d}L${cx - d} ${cy}Z`, fill: colour,
                          class: "shape incident" }, parent);
    }
    return el("circle", { cx, cy, r, fill: colour, class: "shape toll" }, parent);
  }

  /* Draws `estimates` into `container`; returns the legend rows [name, colour]. */
  function render(container, estimates, options) {
    const opts = options || {};
    const width = Math.max(Math.floor(container.clientWidth || 900), 280);
    const narrow = width < 560;
    const height = narrow ? 260 : 340;
    const m = { top: 16, right: narrow ? 10 : 18, bottom: 36, left: narrow ? 46 : 64 };
    container.replaceChildren();
    const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "presentation" }, container);
    // A claim with no believable publication date (first_stated_from "fetched") is dated by our crawl, not by
    // when it was made: it is left off the timeline (the table lists it) rather than drawn years out of place.
    const plotted = estimates.filter(dated).map((e) => ({ e, s: span(e), t: stated(e) }))
      .filter((p) => p.s && !Number.isNaN(p.t));
    const palette = colours(estimates);
    container.dataset.marks = String(plotted.length);
    if (!plotted.length) {
      const t = el("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "empty" }, svg);
      t.textContent = estimates.length ? "No estimate here has a figure to plot." : "No estimates match.";
      return legendOf(palette);
    }
    let t0 = Math.min(...plotted.map((p) => p.t)), t1 = Math.max(...plotted.map((p) => p.t));
    if (t1 - t0 < 2 * DAY) { t0 -= 3 * DAY; t1 += 3 * DAY; }
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
      t.textContent = v >= 1000000 ? `${v / 1000000}M` : v >= 10000 ? `${v / 1000}k` : v.toLocaleString("en");
    }
    const room = Math.max(2, Math.floor((width - m.left - m.right) / (narrow ? 70 : 90)));
    for (const tick of timeTicks(t0, t1, room)) {
      if (tick.t < t0 || tick.t > t1) continue;
      el("line", { x1: x(tick.t), x2: x(tick.t), y1: m.top, y2: height - m.bottom,
                   class: tick.major ? "grid year" : "grid" }, axes);
      const txt = el("text", { x: x(tick.t), y: height - m.bottom + 18, "text-anchor": "middle", class: "tick" }, axes);
      txt.textContent = tick.text;
    }
    el("line", { x1: m.left, x2: width - m.right, y1: height - m.bottom, y2: height - m.bottom }, axes);

    const where = new Map(plotted.map((p) => [p.e.id, p]));
    const links = el("g", { class: "revisions" }, svg);
    for (const p of plotted) {
      const older = p.e.revises != null ? where.get(p.e.revises) : null;
      if (older) {
        el("line", { x1: x(older.t), y1: y(older.s.at), x2: x(p.t), y2: y(p.s.at), class: "revision",
                     "data-from": older.e.id, "data-to": p.e.id }, links);
      }
    }

    const r = plotted.length > 200 ? 3 : plotted.length > 60 ? 4 : 5.5;
    const marks = el("g", { class: "marks" }, svg);
    for (const p of plotted) {
      const colour = palette.get(claimantOf(p.e));
      const link = el("a", { href: opts.hrefOf ? opts.hrefOf(p.e.id) : `#estimate-${p.e.id}`, class: "mark",
                             "data-id": p.e.id, "data-kind": p.e.kind || "toll", "data-t": p.t,
                             "aria-label": label(p.e) }, marks);
      el("title", {}, link).textContent = label(p.e);
      if (p.s.high > p.s.low) {
        el("line", { x1: x(p.t), x2: x(p.t), y1: y(p.s.low), y2: y(p.s.high), stroke: colour, class: "range" }, link);
      }
      shape(p.e.kind, x(p.t), y(p.s.at), r, colour, link);
      if (opts.onSelect) {
        link.addEventListener("click", (ev) => { ev.preventDefault(); opts.onSelect(p.e.id); });
      }
    }
    return legendOf(palette);
  }

  window.Timeline = { render, claimantOf, timeTicks, dated };
})();
