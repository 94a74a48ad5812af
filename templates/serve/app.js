// perfdoc's web page: drop a file, see its problems or its pages, download the PDF and the Word draft.
// Plain JavaScript, no framework, nothing from outside this server.
"use strict";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const $ = (id) => document.getElementById(id);
const state = { name: null, bytes: null, type: null, limit: null, token: sessionStorage.getItem("perfdoc-token") };

function status(text, kind) {
  const s = $("status");
  s.textContent = text;
  s.className = "status" + (kind ? " " + kind : "");
}

function megabytes(n) {
  return (n / 1048576).toFixed(1) + " MB";
}

/** fetch with the token when there is one; a 401 asks for it. */
async function api(path, options = {}) {
  const headers = Object.assign({}, options.headers || {});
  if (state.token) {
    headers["Authorization"] = "Bearer " + state.token;
  }
  const response = await fetch(path, Object.assign({}, options, { headers }));
  if (response.status === 401) {
    $("token").hidden = false;
    throw new Error("需要访问令牌：请在上方填入令牌后重新选择文件");
  }
  return response;
}

/** The words for a refusal the server gives before looking at the document. */
async function refusal(response) {
  let body = {};
  try {
    body = await response.json();
  } catch (e) {
    // no JSON body
  }
  switch (response.status) {
    case 413: return "文件超过服务器的上限 " + megabytes(body.limitBytes || state.limit) + "，未处理";
    case 429: return "服务器正忙，请 " + (response.headers.get("Retry-After") || "几") + " 秒后再试";
    case 408: return "上传超时：文件没有及时传到服务器，请重试";
    case 503: return "服务器处理超时或正在停止，请稍后再试";
    default: return "出错了（" + response.status + "）：" + (body.detail || body.title || "请联系信息部门");
  }
}

function where(p) {
  if (p.cell) {
    return p.cell;
  }
  return (p.line > 0 ? "第 " + p.line + " 行 第 " + p.column + " 列 " : "") + p.path;
}

function showSummary(summary, pages) {
  if (!summary) {
    $("summary").hidden = true;
    return;
  }
  $("summary").hidden = false;
  $("s-department").textContent = summary.department || "—";
  $("s-year").textContent = summary.year || "—";
  $("s-style").textContent = summary.style || "—";
  $("s-title").textContent = summary.title || "—";
  $("s-projects").textContent = summary.projects;
  $("s-pages").textContent = pages === undefined ? "—" : pages;
}

function showProblems(errors, warnings) {
  const list = (id, items) => {
    const ul = $(id);
    ul.replaceChildren();
    for (const p of items) {
      const li = document.createElement("li");
      const at = document.createElement("span");
      at.className = "where";
      at.textContent = where(p);
      li.append(at, document.createTextNode(p.message));
      ul.append(li);
    }
  };
  list("errors", errors);
  list("warnings", warnings);
  $("problems").hidden = errors.length + warnings.length === 0;
  $("problems-title").textContent = errors.length > 0
    ? "发现 " + errors.length + " 个错误" + (warnings.length ? "、" + warnings.length + " 个警告" : "") + "，请修改后重新选择文件"
    : warnings.length + " 个警告（不影响生成）";
}

function reset() {
  for (const id of ["summary", "problems", "downloads", "preview"]) {
    $(id).hidden = true;
  }
  $("pages").replaceChildren();
}

function query(extra) {
  return "name=" + encodeURIComponent(state.name) + (extra ? "&" + extra : "");
}

async function post(path) {
  return api(path, { method: "POST", headers: { "Content-Type": state.type }, body: state.bytes });
}

async function take(file) {
  reset();
  state.name = file.name;
  state.type = file.name.toLowerCase().endsWith(".xlsx") ? XLSX : "application/json";
  if (state.limit && file.size > state.limit) {
    status("文件“" + file.name + "”大小 " + megabytes(file.size) + "，超过服务器的上限 " + megabytes(state.limit)
      + "，未上传", "bad");
    return;
  }
  status("正在检查“" + file.name + "”…", "busy");
  try {
    state.bytes = new Uint8Array(await file.arrayBuffer());
    const checked = await post("/api/validate?" + query());
    if (!checked.ok) {
      status(await refusal(checked), "bad");
      return;
    }
    const result = await checked.json();
    showSummary(result.summary);
    showProblems(result.errors, result.warnings);
    if (result.errors.length > 0) {
      status("“" + file.name + "”有 " + result.errors.length + " 个错误，未生成文件", "bad");
      return;
    }
    $("downloads").hidden = false;
    status("检查通过，正在生成预览…", "busy");
    const preview = await post("/api/preview?" + query());
    if (!preview.ok) {
      status(await refusal(preview), "bad");
      return;
    }
    const pages = await preview.json();
    showSummary(pages.summary, pages.pages);
    const box = $("pages");
    pages.images.forEach((src, i) => {
      const img = document.createElement("img");
      img.src = src;
      img.alt = "第 " + (i + 1) + " 页";
      box.append(img);
    });
    $("preview").hidden = false;
    $("preview-note").textContent = pages.images.length < pages.pages
      ? "共 " + pages.pages + " 页，这里显示前 " + pages.images.length + " 页" : "共 " + pages.pages + " 页";
    status("检查通过：" + pages.summary.department + "，共 " + pages.pages + " 页", "ok");
  } catch (e) {
    status(e.message || String(e), "bad");
  }
}

/** The file name the server chose: RFC 5987 filename*, else filename. */
function fileName(response, fallback) {
  const header = response.headers.get("Content-Disposition") || "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) {
    return decodeURIComponent(star[1]);
  }
  const plain = /filename="([^"]+)"/i.exec(header);
  return plain ? plain[1] : fallback;
}

async function download(format) {
  const buttons = document.querySelectorAll("#downloads button");
  buttons.forEach((b) => { b.disabled = true; });
  status("正在生成 " + format.toUpperCase() + "…", "busy");
  try {
    const pdfa = $("pdfa").checked ? "pdfa=true" : "";
    const response = await post("/api/render?" + query("format=" + format + (pdfa ? "&" + pdfa : "")));
    if (!response.ok) {
      status(await refusal(response), "bad");
      return;
    }
    status("已下载：" + save(await response.blob(), response, "document." + format), "ok");
  } catch (e) {
    status(e.message || String(e), "bad");
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}

/** Saves a blob under the name the server chose. */
function save(blob, response, fallback) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = fileName(response, fallback);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60000);
  return a.download;
}

/** One button per style that has a workbook: the empty template to fill in. */
async function showTemplates() {
  const response = await api("/api/styles");
  if (!response.ok) {
    return;
  }
  const links = $("template-links");
  links.replaceChildren();
  for (const s of await response.json()) {
    if (!s.workbook) {
      continue;
    }
    const b = document.createElement("button");
    b.type = "button";
    b.className = "template";
    b.dataset.style = s.name;
    b.textContent = "下载模板：" + s.description.split("：")[0] + "（" + s.name + "）";
    b.addEventListener("click", async () => {
      try {
        const r = await api("/api/template.xlsx?style=" + encodeURIComponent(s.name));
        if (!r.ok) {
          status(await refusal(r), "bad");
          return;
        }
        status("已下载：" + save(await r.blob(), r, "template-" + s.name + ".xlsx"), "ok");
      } catch (e) {
        status(e.message || String(e), "bad");
      }
    });
    links.append(b, " ");
  }
  $("templates").hidden = links.childElementCount === 0;
}

async function init() {
  const drop = $("drop");
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    if (e.dataTransfer.files.length > 0) {
      take(e.dataTransfer.files[0]);
    }
  });
  drop.addEventListener("click", (e) => { if (e.target === drop) { $("file").click(); } });
  $("file").addEventListener("change", (e) => {
    if (e.target.files.length > 0) {
      take(e.target.files[0]);
      e.target.value = "";
    }
  });
  document.querySelectorAll("#downloads button").forEach((b) => b.addEventListener("click", () => download(b.dataset.format)));
  $("token-save").addEventListener("click", () => {
    state.token = $("token-value").value.trim();
    sessionStorage.setItem("perfdoc-token", state.token);
    $("token").hidden = true;
    init();
  });
  try {
    const limits = await api("/api/limits");
    if (limits.ok) {
      const l = await limits.json();
      state.limit = l.maxBodyBytes;
      $("limit-hint").textContent = "文件不超过 " + megabytes(l.maxBodyBytes) + "；文件只用于本次生成，服务器不保存。";
      $("footer").textContent = l.generator;
    }
    await showTemplates();
  } catch (e) {
    status(e.message, "bad");
  }
}

init();
