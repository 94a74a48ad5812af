<#import "/common/format.ftl" as f>
<#import "/common/wordml.xml.ftl" as w>
<#-- A4 portrait, 18 mm margins: 174 mm = 9865 twips of text width, split as in the PDF. -->
<#assign fieldCols = [2664, 2466, 2466, 2269]>
<#assign budgetCols = [2861, 1578, 3552, 1874]>
<#assign gridCols = [1677, 1480, 4735, 1973]>
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<w:body>
<#list doc.units as unit>
<#list unit.projects as p>
<#-- every sheet after the first starts a new page -->
<@w.para text=title style="PerfdocTitle" pageBreakBefore=!(unit?is_first && p?is_first) size=36/>
<@w.para text="（" + doc.year?c + "年度）" jc="center" font="黑体" size=24 spaceAfter=200/>
<@w.table widths=fieldCols borders=false cellMargin=0>
<@fieldRow "申报单位名称：" unit.name "" ""/>
<@fieldRow "项目名称：" p.name "项目类别：" p.category!/>
<@fieldRow "计划开始日期：" p.startDate!"" "计划完成日期：" p.endDate!""/>
<@fieldRow "是否含有政府购买服务：" p.governmentPurchase???then(p.governmentPurchase?then("是", "否"), "") "绩效类型：" p.performanceType!/>
</@w.table>
<@section "项目概况：" p.overview!/>
<@section "立项依据：" p.basis!/>
<@section "项目设立的必要性：" p.necessity!/>
<@section "保证项目实施的制度、措施：" p.safeguards!/>
<@section "项目实施计划：" p.plan!/>
<@section "总目标及阶段性目标：" p.goal!/>
<@w.para text="本项目上年度市级财政资金使用情况" style="PerfdocHeading" spaceBefore=200/>
<#assign b = p.budget!{}>
<@w.table widths=budgetCols borders=false cellMargin=0>
<@budgetRow "项目总预算（" + amountUnit + "）：" f.yuan(b.total!) "项目当年预算（" + amountUnit + "）：" f.yuan(b.current!)/>
<@budgetRow "同名项目上年预算额（" + amountUnit + "）：" f.yuan(b.priorYearBudget!) "同名项目上年预算执行数（" + amountUnit + "）：" f.yuan(b.priorYearExecuted!)/>
</@w.table>
<#-- this paragraph also keeps Word from joining the budget table and the grid -->
<@w.para text=doc.year?c + "年绩效目标" jc="center" font="黑体" size=24 keepNext=true spaceBefore=240 spaceAfter=120/>
<@w.table widths=gridCols>
<@w.row header=true>
<#list ["一级目标", "二级目标", "三级目标", "指标目标值"] as h>
<@w.cell width=gridCols[h?index] valign="center"><@w.para text=h jc="center" font="黑体"/></@w.cell>
</#list>
</@w.row>
<#assign rows = grids[unit?index + "/" + p?index]>
<#list rows as row>
<#-- keep a 一级 block on one page where it fits: every row but the block's last keeps with the next -->
<#assign keep = row?has_next && rows[row?index + 1].level1Span == 0>
<@w.row>
<@w.cell width=gridCols[0] vmerge=(row.level1Span gt 0)?then("restart", "continue") valign="center"><#if row.level1Span gt 0><@w.para text=row.indicator.level1 jc="center" keepNext=keep/><#else><w:p/></#if></@w.cell>
<@w.cell width=gridCols[1] vmerge=(row.level2Span gt 0)?then("restart", "continue") valign="center"><#if row.level2Span gt 0><@w.para text=row.indicator.level2! jc="center" keepNext=keep/><#else><w:p/></#if></@w.cell>
<@w.cell width=gridCols[2] valign="center"><@w.para text=row.indicator.name jc="left" keepNext=keep/></@w.cell>
<@w.cell width=gridCols[3] valign="center"><@w.para text=row.indicator.value jc="center" keepNext=keep/></@w.cell>
</@w.row>
</#list>
</@w.table>
<w:p/>
</#list>
</#list>
<@w.section landscape=false top=1020 right=1020 bottom=1020 left=1020 footer=567/>
</w:body>
</w:document>

<#macro fieldRow label1 value1 label2 value2>
<@w.row>
<@w.cell width=fieldCols[0]><@w.para text=label1 font="黑体"/></@w.cell>
<#if label2?has_content>
<@w.cell width=fieldCols[1]><@w.para text=value1/></@w.cell>
<@w.cell width=fieldCols[2]><@w.para text=label2 font="黑体"/></@w.cell>
<@w.cell width=fieldCols[3]><@w.para text=value2/></@w.cell>
<#else>
<w:tc><w:tcPr><w:tcW w:w="${(fieldCols[1] + fieldCols[2] + fieldCols[3])?c}" w:type="dxa"/><w:gridSpan w:val="3"/></w:tcPr><@w.para text=value1/></w:tc>
</#if>
</@w.row>
</#macro>

<#macro budgetRow label1 value1 label2 value2>
<@w.row>
<@w.cell width=budgetCols[0]><@w.para text=label1 font="黑体"/></@w.cell>
<@w.cell width=budgetCols[1]><@w.para text=value1/></@w.cell>
<@w.cell width=budgetCols[2]><@w.para text=label2 font="黑体"/></@w.cell>
<@w.cell width=budgetCols[3]><@w.para text=value2/></@w.cell>
</@w.row>
</#macro>

<#macro section label text>
<@w.para text=label style="PerfdocHeading"/>
<#list f.paragraphs(text) as para><@w.para text=para/></#list>
</#macro>
