<#import "/common/format.ftl" as f>
<#import "/common/wordml.xml.ftl" as w>
<#import "lines.ftl" as g>
<#-- Column widths in twips (1 mm = 56.7): the PDF's 42.5 / 4 × 19.5 / 68 / 90.5 mm on 279 mm of text. -->
<#assign cols = [2410, 1106, 1106, 1106, 1106, 3855, 5129]>
<#assign cell = 16><#-- 8 pt -->
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<w:body>
<@w.para text=title style="PerfdocTitle" spaceAfter=160/>
<w:p><w:pPr><w:tabs><w:tab w:val="right" w:pos="15817"/></w:tabs><w:spacing w:after="60"/></w:pPr><@w.run text="部门名称：" + doc.department size=20/><w:r><w:rPr><w:sz w:val="20"/></w:rPr><w:tab/></w:r><@w.run text="单位：" + amountUnit size=20/></w:p>
<@w.table widths=cols>
<@w.row header=true>
<#-- 财政专户拨款 is too wide for its column: broken where the words break, as 财政专户 / 拨款 -->
<#list ["项目名称（资金使用单位）", "总计", "财政拨款", "财政专户\n拨款", "其他资金", "绩效目标", "绩效指标"] as h>
<@w.cell width=cols[h?index] valign="center"><@w.para text=h jc="center" font="黑体" size=18/></@w.cell>
</#list>
</@w.row>
<@amountRow "合计" totals/>
<#list doc.units as unit>
<@amountRow unit.name unit.totals()/>
<#list unit.projects as p>
<@w.row>
<@w.cell width=cols[0]><@w.para text=p.name indent=320 size=cell/></@w.cell>
<@amountCells p.amounts/>
<@w.cell width=cols[5]><#list f.paragraphs(p.goal) as para><@w.para text=para jc="left" size=cell/><#else><@w.para size=cell/></#list></@w.cell>
<@w.cell width=cols[6]><#if indicatorFormat.cell?? && p.indicators?has_content><@w.para text=g[indicatorFormat.cell](p.indicators, codes) jc="left" size=cell/><#elseif indicatorFormat.cell??><@w.para size=cell/><#else><#list p.indicators as i><@w.para text=g[indicatorFormat.line](i?counter, i, codes) jc="left" size=cell/><#else><@w.para size=cell/></#list></#if></@w.cell>
</@w.row>
</#list>
</#list>
</@w.table>
<#if doc.note?has_content><@w.para text=doc.note size=18 spaceBefore=100/><#else><w:p/></#if>
<@w.section landscape=true top=680 right=510 bottom=794 left=510/>
</w:body>
</w:document>

<#macro amountRow label amounts>
<@w.row>
<@w.cell width=cols[0]><@w.para text=label font="黑体" size=cell/></@w.cell>
<@amountCells amounts "黑体"/>
<@w.cell width=cols[5]><@w.para size=cell/></@w.cell>
<@w.cell width=cols[6]><@w.para size=cell/></@w.cell>
</@w.row>
</#macro>

<#macro amountCells a font="">
<#list [a.total(), a.fiscal, a.specialAccount, a.other] as v>
<@w.cell width=cols[v?index + 1]><@w.para text=f.amount(v) jc="right" font=font size=cell/></@w.cell>
</#list>
</#macro>
