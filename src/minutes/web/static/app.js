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
