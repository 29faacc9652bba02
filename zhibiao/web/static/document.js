// Document view: select a highlighted number, show its record, filter the side panel.
"use strict";
(function () {
  const records = JSON.parse(document.getElementById("records-data").textContent);
  let origins = [];
  let selected = [];
  const canonical = JSON.parse(document.getElementById("canonical-data").textContent);
  const byId = new Map(records.map(function (r) { return [String(r.id), r]; }));
  const text = document.getElementById("doc-text");
  const marks = Array.from(text.querySelectorAll("mark.hl"));
  const items = Array.from(document.querySelectorAll("#record-list li"));
  const detail = document.getElementById("detail");
  const docId = text.dataset.doc;

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(function ([k, v]) { node.setAttribute(k, v); });
    (children || []).forEach(function (c) {
      node.append(c instanceof Node ? c : document.createTextNode(c == null ? "" : String(c)));
    });
    return node;
  }

  function markFor(id) {
    return marks.find(function (m) { return m.dataset.ids.split(" ").includes(String(id)); });
  }

  function evidence(r) {
    // The evidence with the value in bold: built from text nodes, never from HTML.
    const ev = r.evidence || "";
    const at = ev.indexOf(r.value_text || "\u0000");
    if (at < 0) { return el("blockquote", {}, [ev]); }
    return el("blockquote", {}, [ev.slice(0, at), el("b", {}, [r.value_text]), ev.slice(at + r.value_text.length)]);
  }

  function card(r) {
    const fields = [
      ["value", r.value_max != null ? r.value + " – " + r.value_max : r.value],
      ["unit", r.unit], ["kind", r.kind], ["direction", r.direction], ["modifier", r.modifier],
      ["status", r.status], ["period", r.period], ["cue", r.cue], ["section", r.section],
      ["confidence", r.confidence], ["span", "[" + r.span_start + ", " + r.span_end + ")"],
      ["flags", (r.flags || []).join(", ")],
    ];
    const dl = el("dl", {});
    fields.forEach(function ([k, v]) {
      if (v !== null && v !== undefined && v !== "") { dl.append(el("dt", {}, [k]), el("dd", {}, [v])); }
    });
    const info = r.canonical ? canonical[r.canonical] : null;
    const canon = r.canonical
      ? el("p", { class: "canonical" }, ["canonical: ", el("code", {}, [r.canonical]),
          info ? " " + info.label + " · " + info.category + " · headline: " + info.headline : "", " · ",
          el("a", { href: "/indicators?canonical=" + encodeURIComponent(r.canonical) }, ["all records"]), " · ",
          el("a", { href: "/targets?indicator=" + encodeURIComponent(r.canonical) }, ["targets"])])
      : el("p", { class: "canonical none" }, ["no canonical indicator"]);
    return el("div", { class: "card", "data-id": String(r.id) }, [
      el("h2", {}, [el("span", { class: "badge st-" + r.status }, [r.status]), " ", r.value_text, " ", r.metric]),
      canon, evidence(r), dl,
    ]);
  }

  function showPage(rs) {
    const view = document.getElementById("page-view");
    if (!view || !rs.length) { return; }
    const start = Math.min.apply(null, rs.map(function (r) { return r.span_start; }));
    const end = Math.max.apply(null, rs.map(function (r) { return r.span_end; }));
    const hit = origins.filter(function (o) { return o.start < end && start < o.end; });
    if (!hit.length) { return; }
    const pageNo = hit[0].page;
    const boxes = hit.filter(function (o) { return o.page === pageNo && o.box; }).map(function (o) {
      // the part of the line the value covers, in proportion to its characters (CJK text is even)
      const b = o.box;
      const n = o.chars || (o.end - o.start);
      const a = Math.min(1, Math.max(0, start - o.start) / n);
      const z = Math.min(n, end - o.start) / n;
      return [b[0] + a * (b[2] - b[0]), b[1], b[0] + Math.max(z, a) * (b[2] - b[0]), b[3]];
    });
    const img = document.getElementById("page-image");
    const box = document.getElementById("page-box");
    document.getElementById("page-number").textContent = pageNo;
    function place() {
      if (!boxes.length || !img.naturalWidth) { box.hidden = true; return; }
      const x0 = Math.min.apply(null, boxes.map(function (b) { return b[0]; }));
      const y0 = Math.min.apply(null, boxes.map(function (b) { return b[1]; }));
      const x1 = Math.max.apply(null, boxes.map(function (b) { return b[2]; }));
      const y1 = Math.max.apply(null, boxes.map(function (b) { return b[3]; }));
      box.style.left = (100 * x0 / img.naturalWidth) + "%";
      box.style.top = (100 * y0 / img.naturalHeight) + "%";
      box.style.width = (100 * (x1 - x0) / img.naturalWidth) + "%";
      box.style.height = (100 * (y1 - y0) / img.naturalHeight) + "%";
      box.hidden = false;
    }
    const src = "/documents/" + encodeURIComponent(docId) + "/pages/" + pageNo;
    if (img.getAttribute("src") !== src) { img.onload = place; img.setAttribute("src", src); } else { place(); }
  }

  function select(ids, scroll) {
    const rs = ids.map(function (id) { return byId.get(String(id)); }).filter(Boolean);
    marks.forEach(function (m) { m.classList.remove("selected"); });
    items.forEach(function (li) { li.classList.toggle("selected", ids.includes(li.dataset.id)); });
    const mark = rs.length ? markFor(rs[0].id) : null;
    if (mark) {
      mark.classList.add("selected");
      if (scroll) {  // scroll the text panel only, so the page header stays in view
        text.scrollTop = mark.offsetTop - text.offsetTop - text.clientHeight / 2;
      }
    }
    detail.replaceChildren.apply(detail, rs.map(card));
    selected = rs;
    showPage(rs);
  }

  if (document.getElementById("page-view")) {
    // A scan: fetch where its lines stand on the pages (the first time, the server reads it again).
    const note = document.getElementById("page-note");
    fetch("/api/documents/" + encodeURIComponent(docId) + "/layout")
      .then(function (r) { return r.ok ? r.json() : Promise.reject(new Error("HTTP " + r.status)); })
      .then(function (layout) {
        origins = layout.origins.map(function (o) {
          return { start: o[0], end: o[1], page: o[2], box: o[3], chars: o[4] };
        });
        note.textContent = "select a value to see it on its page";
        showPage(selected.length ? selected : records.slice(0, 1));
      })
      .catch(function (e) { note.textContent = "page layout unavailable (" + e.message + ")"; });
    const frame = document.getElementById("page-frame");
    frame.addEventListener("click", function () { frame.classList.toggle("zoomed"); });
  }

  marks.forEach(function (m) {
    function pick() { select(m.dataset.ids.split(" "), false); }
    m.addEventListener("click", pick);
    m.addEventListener("keydown", function (e) { if (e.key === "Enter") { pick(); } });
  });
  items.forEach(function (li) {
    function pick() { select([li.dataset.id], true); }
    li.addEventListener("click", pick);
    li.addEventListener("keydown", function (e) { if (e.key === "Enter") { pick(); } });
  });

  const form = document.getElementById("record-filters");
  function applyFilters() {
    const statuses = Array.from(form.querySelectorAll("input[name=status]:checked")).map(function (c) { return c.value; });
    const canon = form.elements.canonical.value;
    const q = form.elements.q.value.trim().toLowerCase();
    const visible = new Set();
    items.forEach(function (li) {
      const ok = statuses.includes(li.dataset.status)
        && (canon === "" || (canon === "*" ? li.dataset.canonical !== "" : li.dataset.canonical === canon))
        && (q === "" || li.dataset.search.toLowerCase().includes(q));
      li.hidden = !ok;
      if (ok) { visible.add(li.dataset.id); }
    });
    marks.forEach(function (m) {
      m.classList.toggle("dim", !m.dataset.ids.split(" ").some(function (id) { return visible.has(id); }));
    });
    document.getElementById("shown-count").textContent = visible.size;
  }
  form.addEventListener("input", applyFilters);
  form.addEventListener("submit", function (e) { e.preventDefault(); });

  function fromHash() {
    // #span-START-END (links from the targets chart and the indicators table) selects that value.
    const m = /^#span-(\d+)-(\d+)$/.exec(location.hash);
    if (!m) { return; }
    const at = Number(m[1]);
    const mark = marks.find(function (k) { return Number(k.dataset.start) <= at && at < Number(k.dataset.end); });
    if (mark) {
      const exact = mark.dataset.ids.split(" ").filter(function (id) {
        const r = byId.get(id);
        return r && r.span_start === at && r.span_end === Number(m[2]);
      });
      select(exact.length ? exact : mark.dataset.ids.split(" "), true);
    }
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
