<#import "/common/format.ftl" as f>
<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN" xml:lang="zh-CN">
<head>
<meta charset="UTF-8"/>
<title>${doc.department} ${doc.year?c}年度 ${title}</title>
<meta name="author" content="${doc.department}"/>
<meta name="subject" content="${doc.year?c}年度 ${title}"/>
<meta name="keywords" content="${title}, ${doc.department}, ${doc.year?c}"/>
<bookmarks>
<#list doc.units as unit><#list unit.projects as p>
  <bookmark name="${p.name}" href="#sheet-${unit?index}-${p?index}"/>
</#list></#list>
</bookmarks>
<#if preview><link rel="stylesheet" href="${fontCss}"/></#if>
<style type="text/css">
@page {
  size: A4 portrait;
  margin: 18mm 18mm 18mm 18mm;
  @bottom-center {
    content: "第 " counter(page) " 页 共 " counter(pages) " 页";
    font-family: 宋体;
    font-size: 9pt;
  }
}
body { font-family: 宋体; font-size: 10.5pt; line-height: 1.5; margin: 0; }
div.sheet { page-break-before: always; }
div.sheet.first { page-break-before: auto; }
h1 { font-family: 黑体; font-weight: bold; font-size: 18pt; text-align: center; margin: 0; line-height: 1.4; }
p.year { font-family: 黑体; font-size: 12pt; text-align: center; margin: 0 0 5mm 0; }
table.fields { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0 0 1mm 0; }
table.fields td { padding: 0.8mm 0; vertical-align: top; }
td.label { font-family: 黑体; }
h2 { font-family: 黑体; font-weight: normal; font-size: 10.5pt; margin: 3mm 0 0.5mm 0; }
h2.budget { margin-top: 4mm; }
div.text p { margin: 0; text-align: justify; }
p.grid-title { font-family: 黑体; font-size: 12pt; text-align: center; margin: 5mm 0 2mm 0; }
/* the heading stays with the header row; where the first rows would still go to the next page
   without them, the next layout pass starts the heading on that page (headingBreaks) */
p.grid-title { page-break-after: avoid; }
p.grid-title.new-page { page-break-before: always; }
table.grid { width: 100%; border-collapse: collapse; table-layout: fixed; -fs-table-paginate: paginate; }
table.grid th, table.grid td { border: 0.5pt solid #000; padding: 1mm 1.5mm; vertical-align: middle; }
table.grid th { font-family: 黑体; font-weight: normal; text-align: center; }
table.grid tbody { page-break-inside: avoid; }
table.grid tr { page-break-inside: avoid; }
td.level { text-align: center; }
td.value { text-align: center; }
</style>
</head>
<body>
<#list doc.units as unit>
<#list unit.projects as p>
<div class="sheet<#if unit?is_first && p?is_first> first</#if>" id="sheet-${unit?index}-${p?index}">
<h1>${title}</h1>
<p class="year">（${doc.year?c}年度）</p>
<table class="fields">
<colgroup><col style="width: 27%"/><col style="width: 25%"/><col style="width: 25%"/><col style="width: 23%"/></colgroup>
<tr><td class="label">申报单位名称：</td><td colspan="3">${unit.name}</td></tr>
<tr><td class="label">项目名称：</td><td>${p.name}</td><td class="label">项目类别：</td><td>${p.category!}</td></tr>
<tr><td class="label">计划开始日期：</td><td>${p.startDate!}</td><td class="label">计划完成日期：</td><td>${p.endDate!}</td></tr>
<tr><td class="label">是否含有政府购买服务：</td><td><#if p.governmentPurchase??>${p.governmentPurchase?then("是", "否")}</#if></td><td class="label">绩效类型：</td><td>${p.performanceType!}</td></tr>
</table>
<@section "项目概况：" p.overview!/>
<@section "立项依据：" p.basis!/>
<@section "项目设立的必要性：" p.necessity!/>
<@section "保证项目实施的制度、措施：" p.safeguards!/>
<@section "项目实施计划：" p.plan!/>
<@section "总目标及阶段性目标：" p.goal!/>
<h2 class="budget">本项目上年度市级财政资金使用情况</h2>
<#assign b = p.budget!{}>
<table class="fields">
<colgroup><col style="width: 29%"/><col style="width: 16%"/><col style="width: 36%"/><col style="width: 19%"/></colgroup>
<tr><td class="label">项目总预算（${amountUnit}）：</td><td>${f.yuan(b.total!)}</td><td class="label">项目当年预算（${amountUnit}）：</td><td>${f.yuan(b.current!)}</td></tr>
<tr><td class="label">同名项目上年预算额（${amountUnit}）：</td><td>${f.yuan(b.priorYearBudget!)}</td><td class="label">同名项目上年预算执行数（${amountUnit}）：</td><td>${f.yuan(b.priorYearExecuted!)}</td></tr>
</table>
<#assign grid = unit?index + "/" + p?index>
<p class="grid-title<#if headingBreaks?seq_contains(grid)> new-page</#if>" data-grid-heading="${grid}">${doc.year?c}年绩效目标</p>
<table class="grid">
<colgroup><col style="width: 17%"/><col style="width: 15%"/><col style="width: 48%"/><col style="width: 20%"/></colgroup>
<thead><tr><th>一级目标</th><th>二级目标</th><th>三级目标</th><th>指标目标值</th></tr></thead>
<#-- One tbody per merged 一级 block, kept whole on a page where it fits. A block that still crosses
     a page is cut there (grid rows carry the cut), so its labels repeat at the top of the new page. -->
<#list grids[grid] as row>
<#if row.level1Span gt 0><#if !row?is_first></tbody></#if><tbody></#if>
<tr data-grid-row="${row.key}"<#if row.level1Span gt 0> data-grid-block="start"</#if>>
<#if row.level1Span gt 0><td class="level" rowspan="${row.level1Span}">${row.indicator.level1}</td></#if>
<#if row.level2Span gt 0><td class="level" rowspan="${row.level2Span}">${row.indicator.level2!}</td></#if>
<td>${row.indicator.name}</td>
<td class="value">${row.indicator.value}</td>
</tr>
<#if row?is_last></tbody></#if>
</#list>
</table>
</div>
</#list>
</#list>
</body>
</html>

<#macro section label text>
<h2>${label}</h2>
<div class="text"><#list f.paragraphs(text) as para><p>${para}</p></#list></div>
</#macro>
