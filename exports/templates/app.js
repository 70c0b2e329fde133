/* diplograph network page. Reads the JSON block #diplograph-data; every text from the data is put
   into the page with textContent or drawn on the canvas, never parsed as HTML. */
(function () {
  "use strict";
  var times = window.__diplographTimes = { start: performance.now() };
  var data = JSON.parse(document.getElementById("diplograph-data").textContent);
  times.parsed = performance.now();
  var DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
  var typeStyle = {}, signStyle = {}, typeOf = {};
  data.types.forEach(function (t) { typeStyle[t.name] = t; });
  data.signs.forEach(function (s) { signStyle[s.name] = s; });
  var visibleTypes = new Set(data.types.map(function (t) { return t.name; }));
  var dateFrom = "", dateTo = "", keepUndated = true;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function meta(parent, text) { if (text) { parent.appendChild(el("p", text, "meta")); } }

  function nodeTip(n) {
    var d = el("div", null, "tip");
    d.appendChild(el("h3", n.label));
    meta(d, [n.type].concat(n.subtypes || []).join(", "));
    meta(d, n.role ? "Role: " + n.role : "");
    meta(d, (n.aliases || []).length ? "Also: " + n.aliases.join(", ") : "");
    meta(d, n.id);
    return d;
  }
  function edgeTip(e, labels) {
    var d = el("div", null, "tip"), ev = e.evidence || [];
    d.appendChild(el("h3", labels[e.source] + " \u2192 " + e.relation + " \u2192 " + labels[e.target]));
    meta(d, (e.dates || []).length ? "Dates: " + e.dates.join(", ") : "Undated");
    meta(d, (e.events || []).length ? "Events: " + e.events.join(", ") : "");
    meta(d, (e.modality || []).length ? "Modality: " + e.modality.join(", ") : "");
    meta(d, (e.origin || []).length ? "Origin: " + e.origin.join(", ") : "");
    meta(d, e.note || "");
    ev.slice(0, 4).forEach(function (x) {
      d.appendChild(el("blockquote", x.quote));
      d.appendChild(el("div", [x.doc, x.date].filter(Boolean).join(", "), "src"));
    });
    if (ev.length > 4) { meta(d, "\u2026 and " + (ev.length - 4) + " more"); }
    return d;
  }

  var labels = {}, nodeById = {};
  data.nodes.forEach(function (n) { labels[n.id] = n.label; typeOf[n.id] = n.type; nodeById[n.id] = n; });
  var nodeItems = data.nodes.map(function (n) {
    var s = typeStyle[n.type] || typeStyle.Other;
    return { id: n.id, label: n.label, x: n.x, y: n.y, shape: s.shape,
             color: { background: s.color, border: n.center ? "#111" : s.border },
             borderWidth: n.center ? 4 : 1, size: n.center ? 22 : (n.size || 12) };
  });
  var edgeItems = data.edges.map(function (e, i) {
    var s = signStyle[e.sign] || signStyle["0"];
    return { id: "e" + i, from: e.source, to: e.target, dates: e.dates || [],
             color: { color: s.color, highlight: s.color, hover: s.color, opacity: 0.85 },
             dashes: !!s.dashes, width: e.width || 1.4, label: data.edgeLabels ? e.relation : undefined };
  });
  times.datasets = performance.now();

  function dateOk(dates) {
    if (!dateFrom && !dateTo) { return true; }
    if (!dates.length) { return keepUndated; }
    return dates.some(function (d) {
      return (!dateFrom || d.slice(0, dateFrom.length) >= dateFrom) && (!dateTo || d.slice(0, dateTo.length) <= dateTo);
    });
  }
  function nodeVisible(id) { return visibleTypes.has(typeOf[id]); }
  function edgeVisible(e) { return nodeVisible(e.from) && nodeVisible(e.to) && dateOk(e.dates); }

  var big = data.nodes.length > 800;
  // Plain arrays build faster than DataSets or DataViews; filters set `hidden` on vis's own DataSets.
  var network = new vis.Network(document.getElementById("network"), { nodes: nodeItems, edges: edgeItems }, {
    physics: false,
    layout: { improvedLayout: false, randomSeed: 1 },
    interaction: { hover: true, hideEdgesOnDrag: big, hideEdgesOnZoom: big, keyboard: false },
    nodes: { font: { size: 14, color: "#1d232b" }, size: 12 },
    edges: { arrows: { to: { enabled: data.arrows !== false, scaleFactor: 0.5 } }, smooth: false,
             font: { size: 10, color: "#5b6673", strokeWidth: 3, align: "middle" } }
  });
  times.network = performance.now();
  var nodes = network.body.data.nodes, edges = network.body.data.edges;
  var shown = { nodes: nodeItems.length, edges: edgeItems.length };
  network.once("afterDrawing", function () {
    window.__diplographDrawn = performance.now();
    document.documentElement.setAttribute("data-drawn", "true");
  });

  // Tooltips are built on hover (not thousands up front), from the data, with textContent only.
  var tip = document.getElementById("tip");
  function edgeTipById(id) { return edgeTip(data.edges[Number(String(id).slice(1))], labels); }
  function showTip(element, pointer) {
    tip.replaceChildren(element);
    tip.style.left = Math.round(pointer.x + 14) + "px";
    tip.style.top = Math.round(pointer.y + 14) + "px";
    tip.hidden = false;
  }
  function hideTip() { tip.hidden = true; tip.replaceChildren(); }
  network.on("hoverNode", function (p) { showTip(nodeTip(nodeById[p.node]), p.pointer.DOM); });
  network.on("hoverEdge", function (p) { showTip(edgeTipById(p.edge), p.pointer.DOM); });
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);

  function updateCounts() {
    document.getElementById("counts").textContent =
      shown.nodes + " of " + nodes.length + " actors, " + shown.edges + " of " + edges.length + " relations shown";
  }
  function refresh() {
    var nodeChanges = [], edgeChanges = [];
    shown.nodes = 0; shown.edges = 0;
    nodes.forEach(function (n) {
      var hide = !nodeVisible(n.id);
      if (!hide) { shown.nodes++; }
      if (!!n.hidden !== hide) { nodeChanges.push({ id: n.id, hidden: hide }); }
    });
    edges.forEach(function (e) {
      var hide = !edgeVisible(e);
      if (!hide) { shown.edges++; }
      if (!!e.hidden !== hide) { edgeChanges.push({ id: e.id, hidden: hide }); }
    });
    if (nodeChanges.length) { nodes.update(nodeChanges); }
    if (edgeChanges.length) { edges.update(edgeChanges); }
    updateCounts();
  }

  function legendItem(parent, text, swatch, checkbox) {
    var label = el("label", null, "legend-item");
    if (checkbox) { label.appendChild(checkbox); }
    label.appendChild(swatch);
    label.appendChild(el("span", text));
    parent.appendChild(label);
  }
  var present = new Set(data.nodes.map(function (n) { return n.type; }));
  data.types.forEach(function (t) {
    if (!present.has(t.name)) { return; }
    var box = el("input"); box.type = "checkbox"; box.checked = true; box.value = t.name;
    box.addEventListener("change", function () {
      if (box.checked) { visibleTypes.add(t.name); } else { visibleTypes.delete(t.name); }
      refresh();
    });
    var sw = el("span", null, "swatch " + t.swatch);
    sw.style.background = t.color; sw.style.setProperty("--c", t.color);
    legendItem(document.getElementById("legend-nodes"), t.label, sw, box);
  });
  data.signs.forEach(function (s) {
    var sw = el("span", null, "swatch line" + (s.dashes ? " dashed" : ""));
    sw.style.background = s.color; sw.style.setProperty("--c", s.color);
    legendItem(document.getElementById("legend-edges"), s.label, sw, null);
  });

  var list = document.getElementById("names");
  Array.from(new Set(data.nodes.map(function (n) { return n.label; }))).sort().forEach(function (name) {
    var o = document.createElement("option"); o.value = name; list.appendChild(o);
  });
  document.getElementById("search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var q = document.getElementById("search").value.trim().toLowerCase();
    var hits = !q ? [] : data.nodes.filter(function (n) {
      return visibleTypes.has(n.type) && [n.label].concat(n.aliases || []).some(function (a) { return a.toLowerCase().indexOf(q) >= 0; });
    }).map(function (n) { return n.id; });
    network.selectNodes(hits);
    if (hits.length) { network.focus(hits[0], { scale: 1.2, animation: false }); }
    document.getElementById("search-result").textContent = q ? hits.length + " found" : "";
  });

  function dateInput(id, set) {
    var input = document.getElementById(id);
    input.placeholder = id === "date-from" ? (data.dateMin || "YYYY") : (data.dateMax || "YYYY");
    input.addEventListener("input", function () {
      var v = input.value.trim();
      if (v && !DATE.test(v)) { return; }
      set(v); refresh();
    });
  }
  dateInput("date-from", function (v) { dateFrom = v; });
  dateInput("date-to", function (v) { dateTo = v; });
  document.getElementById("keep-undated").addEventListener("change", function (ev) { keepUndated = ev.target.checked; refresh(); });

  updateCounts();
  network.fit({ animation: false });
  window.diplograph = { network: network, nodes: nodes, edges: edges, shown: shown, data: data,
                        nodeTip: function (id) { return nodeTip(nodeById[id]); }, edgeTip: edgeTipById };
})();
