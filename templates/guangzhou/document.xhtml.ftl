<#import "/common/format.ftl" as f>
<#import "lines.ftl" as g>
<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN" xml:lang="zh-CN">
<head>
<meta charset="UTF-8"/>
<title>${doc.department} ${title}</title>
<meta name="author" content="${doc.department}"/>
<meta name="subject" content="${doc.year?c}年度 ${title}"/>
<meta name="keywords" content="项目支出绩效目标表, ${doc.department}, ${doc.year?c}"/>
<#-- the one bookmark, named here: without it flying-saucer walks the whole document for headings -->
<bookmarks><bookmark name="${title}" href="#title"/></bookmarks>
<#if preview><link rel="stylesheet" href="${fontCss}"/></#if>
<style type="text/css">
@page {
  size: A4 landscape;
  margin: 12mm 9mm 14mm 9mm;
  @bottom-center {
    content: "第 " counter(page) " 页 共 " counter(pages) " 页";
    font-family: 宋体;
    font-size: 9pt;
  }
}
body { font-family: 宋体; font-size: 8pt; line-height: 1.35; margin: 0; }
h1 { font-family: 黑体; font-weight: bold; font-size: 16pt; text-align: center; margin: 0 0 4mm 0; line-height: 1.3; }
table.caption { width: 100%; table-layout: fixed; border-collapse: collapse; font-size: 10pt; margin-bottom: 1.5mm; }
table.caption td { padding: 0; }
table.caption td.unit { text-align: right; }
table.targets { width: 100%; table-layout: fixed; border-collapse: collapse; -fs-table-paginate: paginate; }
table.targets th, table.targets td { border: 0.5pt solid #000; padding: 0.6mm 1mm; vertical-align: top; }
table.targets th { font-family: 黑体; font-weight: normal; font-size: 9pt; text-align: center; vertical-align: middle; }
table.targets tr { page-break-inside: avoid; }
td.amount { text-align: right; }
td.name { text-align: left; }
tr.project td.name { padding-left: 2em; }
tr.sum td, tr.unit td { font-family: 黑体; }
td.goal, td.indicators { text-align: left; white-space: pre-line; }
td p { margin: 0; }
p.note { margin: 2mm 0 0 0; font-size: 9pt; }
</style>
</head>
<body>
<h1 id="title">${title}</h1>
<table class="caption"><colgroup><col style="width: 75%"/><col style="width: 25%"/></colgroup><tr>
  <td>部门名称：${doc.department}</td>
  <td class="unit">单位：${amountUnit}</td>
</tr></table>
<table class="targets">
<colgroup>
  <col style="width: 42.5mm"/>
  <col style="width: 19.5mm"/><col style="width: 19.5mm"/><col style="width: 19.5mm"/><col style="width: 19.5mm"/>
  <col style="width: 68mm"/>
  <col style="width: 90.5mm"/>
</colgroup>
<thead>
<tr><th>项目名称（资金使用单位）</th><th>总计</th><th>财政拨款</th><th>财政专户<br/>拨款</th><th>其他资金</th><th>绩效目标</th><th>绩效指标</th></tr>
</thead>
<tbody>
<@amountRow "sum" "合计" totals/>
<#list doc.units as unit>
<@amountRow "unit" unit.name unit.totals()/>
<#list unit.projects as p>
<tr class="project">
  <td class="name">${p.name}</td>
  <@amountCells p.amounts/>
  <td class="goal"><#list f.paragraphs(p.goal)?filter(para -> para?trim?has_content) as para>${f.oneLine(para)}<#sep>&#10;</#sep></#list></td>
  <td class="indicators"><#if indicatorFormat.cell??>${f.oneLine(g[indicatorFormat.cell](p.indicators, codes))}<#else><#list p.indicators as i>${f.oneLine(g[indicatorFormat.line](i?counter, i, codes))}<#sep>&#10;</#sep></#list></#if></td>
</tr>
</#list>
</#list>
</tbody>
</table>
<#if doc.note?has_content><p class="note">${doc.note}</p></#if>
</body>
</html>

<#macro amountRow kind label amounts>
<tr class="${kind}">
  <td class="name">${label}</td>
  <@amountCells amounts/>
  <td class="goal"></td>
  <td class="indicators"></td>
</tr>
</#macro>

<#macro amountCells a>
  <td class="amount">${f.amount(a.total())}</td>
  <td class="amount">${f.amount(a.fiscal)}</td>
  <td class="amount">${f.amount(a.specialAccount)}</td>
  <td class="amount">${f.amount(a.other)}</td>
</#macro>
