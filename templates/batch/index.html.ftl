<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<title>绩效目标表批量生成结果</title>
<style>
body { font-family: "Noto Sans SC", "Microsoft YaHei", sans-serif; margin: 2em; color: #222; }
h1 { font-size: 1.4em; }
p.summary { margin: 0.5em 0 1.5em 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
th, td { border: 1px solid #bbb; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
th { background: #eee; white-space: nowrap; }
td.num { text-align: right; }
span.title { color: #555; font-size: 0.9em; }
span.archival { color: #1a5e20; font-size: 0.85em; white-space: nowrap; }
tr.invalid td, tr.failed td { background: #fdecea; }
td ul { margin: 0; padding-left: 1.2em; }
</style>
</head>
<body>
<h1>绩效目标表批量生成结果</h1>
<p class="summary">共 ${rows?size} 个文件：成功 ${okCount}，无效 ${invalidCount}，失败 ${failedCount}。由 ${generator} 生成。</p>
<table id="documents">
<thead><tr><th>部门</th><th>年度</th><th>版式</th><th>输入文件</th><th>PDF</th><th>Word</th><th>页数</th><th>状态</th><th>警告与错误</th></tr></thead>
<tbody>
<#list rows as r>
<tr class="${r.status}" data-input="${r.input}">
<td>${r.department!""}<#if r.title??><br/><span class="title">${r.title}</span></#if></td>
<td>${(r.year?c)!""}</td>
<td>${r.style!""}</td>
<td>${r.input}</td>
<td><#if r.pdf??><a href="${r.pdf}">PDF</a><#if r.pdfConformance??> <span class="archival">${r.pdfConformance}</span></#if></#if></td>
<td><#if r.docx??><a href="${r.docx}">Word</a></#if></td>
<td class="num">${(r.pages?c)!""}</td>
<td><#switch r.status><#case "ok">成功<#if r.unchanged>（未变）</#if><#break><#case "invalid">无效<#break><#default>失败</#switch></td>
<td><#if r.problems?has_content><ul><#list r.problems as p><li>${p}</li></#list></ul></#if></td>
</tr>
</#list>
</tbody>
</table>
</body>
</html>
