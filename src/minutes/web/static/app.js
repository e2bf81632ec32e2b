// The recorder's page. Every piece of user text goes in as a text node
// (textContent / createTextNode), never as HTML: a record that quotes
// <script> shows it as text.
"use strict";
const $ = (id) => document.getElementById(id);
let record = null;
let sourceText = "";

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function status(msg, cls) { const s = $("status"); s.textContent = msg; s.className = cls || ""; }

async function post(url, body) {
  const r = await fetch(url, {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
  const data = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(data.error || (typeof data.detail === "string" ? data.detail : "请求失败（" + r.status + "）"));
  return data;
}

// The source text with vague phrases marked and one span highlighted.
function renderSource(hl) {
  const box = $("source");
  box.replaceChildren();
  const marks = (record ? record.vague : []).map((v) => ({s: v.source.start, e: v.source.end, cls: "vague", title: v.message}));
  if (hl) marks.push({s: hl.start, e: hl.end, cls: "hl", title: ""});
  marks.sort((a, b) => a.s - b.s || (a.cls === "hl" ? -1 : 1));
  let pos = 0;
  for (const m of marks) {
    if (m.s < pos) continue;
    box.appendChild(document.createTextNode(sourceText.slice(pos, m.s)));
    const mk = el("mark", sourceText.slice(m.s, m.e), m.cls);
    if (m.title) mk.title = m.title;
    if (m.cls === "hl") mk.id = "hl";
    box.appendChild(mk);
    pos = m.e;
  }
  box.appendChild(document.createTextNode(sourceText.slice(pos)));
  const h = $("hl");
  if (h) h.scrollIntoView({block: "center"});
}

function itemList(id, items) {
  const ul = $(id);
  ul.replaceChildren();
  if (!items.length) { ul.appendChild(el("li", "无")); return; }
  for (const it of items) {
    const li = el("li", it.text);
    li.appendChild(el("span", "第" + it.source.line + "行", "line"));
    li.dataset.start = it.source.start; li.dataset.end = it.source.end;
    li.addEventListener("click", () => renderSource({start: it.source.start, end: it.source.end}));
    ul.appendChild(li);
  }
}

function renderRecord() {
  $("record").hidden = false;
  const m = record.meta;
  const rows = [["沟通主题", m.topic], ["日期", m.date], ["时间", m.time], ["地点/方式", m.location],
    ["参与部门及人员", (m.participants || []).join("、")], ["发起人", m.initiator], ["记录人", m.recorder]];
  const meta = $("meta");
  meta.replaceChildren();
  for (const [k, v] of rows) { const tr = el("tr"); tr.appendChild(el("th", k)); tr.appendChild(el("td", v || "—")); meta.appendChild(tr); }
  itemList("discussion", record.discussion);
  itemList("consensus", record.consensus);
  itemList("disagreements", record.disagreements);
  const tbody = $("actions").querySelector("tbody");
  tbody.replaceChildren();
  record.actions.forEach((a, i) => tbody.appendChild(actionRow(a, i)));
  const issues = $("issues");
  issues.replaceChildren();
  for (const f of record.missing) issues.appendChild(el("li", (f.line ? "第" + f.line + "行：" : "") + f.message, "warn"));
  for (const v of record.vague) {
    const li = el("li", "第" + v.source.line + "行：" + v.message, "error");
    li.addEventListener("click", () => renderSource({start: v.source.start, end: v.source.end}));
    issues.appendChild(li);
  }
  if (!issues.children.length) issues.appendChild(el("li", "无"));
  renderSource(null);
}

function actionRow(a, i) {
  const tr = el("tr", null, "item");
  tr.dataset.start = a.source.start; tr.dataset.end = a.source.end;
  tr.appendChild(el("td", String(i + 1)));
  const task = el("td", a.task); tr.appendChild(task);
  task.addEventListener("click", () => renderSource({start: a.source.start, end: a.source.end}));
  const owner = el("input"); owner.value = a.owner || ""; owner.className = "owner"; owner.placeholder = "负责人";
  owner.addEventListener("change", () => {
    a.owner = owner.value.trim() || null;
    a.owners = a.owner ? a.owner.split(/[、,，]/).map((s) => s.trim()).filter(Boolean) : [];
  });
  const ownerTd = el("td"); ownerTd.appendChild(owner); tr.appendChild(ownerTd);
  const due = el("input"); due.value = a.due_text || a.due || ""; due.className = "due"; due.placeholder = "如 5月20日前";
  const resolved = el("span", a.due ? "= " + a.due : (a.due_text ? "没有具体日期" : ""), "resolved");
  due.addEventListener("change", async () => {
    const text = due.value.trim();
    if (!text) { a.due = null; a.due_text = null; resolved.textContent = ""; return; }
    try {
      const w = await post("/api/when", {text, ref: (record.meta.date || $("date").value || null)});
      a.due_text = text; a.due = w.date; a.vague = w.vague;
      resolved.textContent = w.date ? "= " + w.date : "没有具体日期";
    } catch (e) { resolved.textContent = e.message; }
  });
  const dueTd = el("td"); dueTd.appendChild(due); dueTd.appendChild(resolved); tr.appendChild(dueTd);
  const st = el("select"); st.className = "status";
  for (const [v, label] of [["open", "进行中"], ["已完成", "已完成"], ["延期", "延期"]]) {
    const o = el("option", label); o.value = v; if (a.status === v) o.selected = true; st.appendChild(o);
  }
  st.addEventListener("change", () => { a.status = st.value; });
  const stTd = el("td"); stTd.appendChild(st); tr.appendChild(stTd);
  return tr;
}

async function run() {
  sourceText = $("text").value;
  if (!sourceText.trim()) { status("请先粘贴会议记录或上传文件。", "warn"); return; }
  status("正在生成……");
  try {
    record = await post("/api/record", {text: sourceText, date: $("date").value || null});
    renderRecord();
    status("已生成：" + record.actions.length + " 个行动项，" + record.vague.length + " 处模糊表述。");
  } catch (e) { status(e.message, "error"); }
}

async function upload(file) {
  const fd = new FormData(); fd.append("file", file);
  const r = await fetch("/api/upload", {method: "POST", body: fd});
  const data = await r.json().catch(() => ({}));
  if (!r.ok) { status(data.error || data.detail || "无法读取文件", "error"); return; }
  $("text").value = data.text;
  status("已读取 " + data.name + "（" + data.encoding + "）。");
  run();
}

async function download(format) {
  if (!record) return;
  const r = await fetch("/api/export?format=" + format, {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(record)});
  if (!r.ok) { status("下载失败（" + r.status + "）", "error"); return; }
  const blob = await r.blob();
  const a = el("a"); a.href = URL.createObjectURL(blob);
  a.download = (format === "ics" || format === "csv" ? "actions." : "record.") + format;
  document.body.appendChild(a); a.click(); a.remove();
}

$("run").addEventListener("click", run);
$("file").addEventListener("change", (e) => { if (e.target.files[0]) upload(e.target.files[0]); });
const ta = $("text");
ta.addEventListener("dragover", (e) => { e.preventDefault(); ta.classList.add("drag"); });
ta.addEventListener("dragleave", () => ta.classList.remove("drag"));
ta.addEventListener("drop", (e) => { e.preventDefault(); ta.classList.remove("drag"); if (e.dataTransfer.files[0]) upload(e.dataTransfer.files[0]); });
document.querySelectorAll(".downloads button").forEach((b) => b.addEventListener("click", () => download(b.dataset.format)));

// --- the flow around the record: request form, agenda, tracker view -------
let lastBrief = null;

function formData(form) {
  const out = {};
  for (const [k, v] of new FormData(form).entries()) { const t = String(v).trim(); out[k] = t || null; }
  return out;
}

async function postFile(url, body, name) {
  const r = await fetch(url, {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
  if (!r.ok) { const d = await r.json().catch(() => ({})); throw new Error(typeof d.detail === "string" ? d.detail : "下载失败（" + r.status + "）"); }
  const a = el("a"); a.href = URL.createObjectURL(await r.blob()); a.download = name;
  document.body.appendChild(a); a.click(); a.remove();
}

function setStatus(id, msg, cls) { const s = $(id); s.textContent = msg; s.className = cls || ""; }

async function runRequest(ev) {
  if (ev) ev.preventDefault();
  try {
    const res = await post("/api/request", formData($("request-form")));
    lastBrief = res.brief;
    $("request-out").textContent = res.markdown;
    setStatus("request-check", (res.brief.on_time === false ? "✗ " : "✓ ") + res.brief.check, res.brief.on_time === false ? "error" : "ok");
  } catch (e) { setStatus("request-check", e.message, "error"); $("request-out").textContent = ""; }
}

function briefText(b) {
  // the generated request as a brief, so the agenda can take what it lacks from it
  if (!b) return null;
  const depts = Object.entries(b.departments || {}).map(([d, ns]) => d + "：" + ns.join("、")).join("；");
  return ["主题：" + (b.topic || ""), "时间：" + [b.date, b.time].filter(Boolean).join(" "), "地点：" + (b.location || ""),
    "涉及部门及核心人员：" + depts].join("\n");
}

function agendaBody() {
  const f = formData($("agenda-form"));
  return {text: f.text || "", sent: f.sent, request: briefText(lastBrief)};
}

async function runAgenda(ev) {
  if (ev) ev.preventDefault();
  const ul = $("agenda-problems");
  ul.replaceChildren();
  try {
    const res = await post("/api/agenda", agendaBody());
    $("agenda-out").textContent = res.markdown;
    for (const p of res.agenda.problems) ul.appendChild(el("li", p, "error"));
    if (!res.agenda.problems.length) ul.appendChild(el("li", "✓ 议程完整：议题合计 " + res.agenda.total_minutes + " 分钟", "ok"));
  } catch (e) { ul.appendChild(el("li", e.message, "error")); $("agenda-out").textContent = ""; }
}

async function loadTracker() {
  const asOf = $("tracker-asof").value;
  const r = await fetch("/api/tracker" + (asOf ? "?as_of=" + encodeURIComponent(asOf) : ""));
  const data = await r.json().catch(() => ({}));
  const tbody = $("tracker").querySelector("tbody");
  tbody.replaceChildren();
  if (!r.ok) { setStatus("tracker-status", data.detail || "无法读取跟踪表", "error"); return; }
  if (!data.configured) { setStatus("tracker-status", "未连接跟踪表：用 minutes serve --db minutes.db 启动后可查看。", "warn"); return; }
  const late = data.items.filter((i) => i.overdue).length;
  setStatus("tracker-status", "截至 " + data.as_of + "：共 " + data.items.length + " 项，逾期 " + late + " 项。", late ? "error" : "ok");
  for (const i of data.items) {
    const tr = el("tr", null, i.overdue ? "overdue" : (i.status === "已完成" ? "done" : ""));
    for (const c of [i.id, i.task, i.owner || "—", i.due || i.due_text || "—", i.status,
      i.overdue ? "逾期 " + i.days_overdue + " 天" : "—", i.proof || "—"]) tr.appendChild(el("td", c));
    tbody.appendChild(tr);
  }
}

$("request-form").addEventListener("submit", runRequest);
$("request-docx").addEventListener("click", () => postFile("/api/request?format=docx", formData($("request-form")), "申请表.docx").catch((e) => setStatus("request-check", e.message, "error")));
$("agenda-form").addEventListener("submit", runAgenda);
$("agenda-docx").addEventListener("click", () => postFile("/api/agenda?format=docx", agendaBody(), "议程.docx").catch((e) => setStatus("request-check", e.message, "error")));
$("tracker-load").addEventListener("click", loadTracker);
$("tracker-panel").addEventListener("toggle", () => { if ($("tracker-panel").open) loadTracker(); });
