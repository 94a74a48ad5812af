<#-- WordprocessingML building blocks shared by the styles' document.xml templates. Element order
     inside w:pPr, w:rPr, w:tcPr and w:tblPr follows the OOXML schema: Word refuses other orders even
     where LibreOffice and POI accept them. Sizes are half-points (w:sz) and twips (widths). -->

<#-- One run of text. font: an East Asian font name (宋体, 黑体); size in half-points; 0 = inherit.
     A newline in text is a line break (w:br): inside w:t it would print as a space. -->
<#macro run text font="" size=0 bold=false>
<w:r><w:rPr><#if font?has_content><w:rFonts w:ascii="${font}" w:eastAsia="${font}" w:hAnsi="${font}" w:cs="${font}" w:hint="eastAsia"/></#if><#if bold><w:b/><w:bCs/></#if><#if size gt 0><w:sz w:val="${size?c}"/><w:szCs w:val="${size?c}"/></#if></w:rPr><#list text?split("\n") as part><#if !part?is_first><w:br/></#if><w:t xml:space="preserve">${part}</w:t></#list></w:r><#t>
</#macro>

<#-- A paragraph holding one run (or nothing). jc: left, center, right, both; indent in twips. -->
<#macro para text="" style="" jc="" indent=0 font="" size=0 bold=false pageBreakBefore=false keepNext=false spaceBefore=0 spaceAfter=0>
<w:p><w:pPr><#if style?has_content><w:pStyle w:val="${style}"/></#if><#if keepNext><w:keepNext/></#if><#if pageBreakBefore><w:pageBreakBefore/></#if><#if spaceBefore gt 0 || spaceAfter gt 0><w:spacing w:before="${spaceBefore?c}" w:after="${spaceAfter?c}"/></#if><#if indent gt 0><w:ind w:left="${indent?c}"/></#if><#if jc?has_content><w:jc w:val="${jc}"/></#if><#if size gt 0><w:rPr><w:sz w:val="${size?c}"/><w:szCs w:val="${size?c}"/></w:rPr></#if></w:pPr><#if text?has_content><@run text=text font=font size=size bold=bold/></#if></w:p><#t>
</#macro>

<#-- A table cell; the body (one or more w:p) comes from the nested content. vmerge: restart, continue. -->
<#macro cell width vmerge="" valign="">
<w:tc><w:tcPr><w:tcW w:w="${width?c}" w:type="dxa"/><#if vmerge == "restart"><w:vMerge w:val="restart"/><#elseif vmerge == "continue"><w:vMerge/></#if><#if valign?has_content><w:vAlign w:val="${valign}"/></#if></w:tcPr><#nested></w:tc><#t>
</#macro>

<#-- A table with fixed layout and the given column widths (twips); rows come from the nested content.
     borders: single 0.5 pt lines around and between all cells. -->
<#macro table widths borders=true cellMargin=57>
<#local total = 0><#list widths as w><#local total += w></#list>
<w:tbl><w:tblPr><w:tblW w:w="${total?c}" w:type="dxa"/><#if borders><w:tblBorders><#list ["top", "left", "bottom", "right", "insideH", "insideV"] as side><w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/></#list></w:tblBorders></#if><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="17" w:type="dxa"/><w:left w:w="${cellMargin?c}" w:type="dxa"/><w:bottom w:w="17" w:type="dxa"/><w:right w:w="${cellMargin?c}" w:type="dxa"/></w:tblCellMar></w:tblPr><#t>
<w:tblGrid><#list widths as w><w:gridCol w:w="${w?c}"/></#list></w:tblGrid><#t>
<#nested>
</w:tbl><#t>
</#macro>

<#-- A table row. header: repeats at the top of every page; keep: not split unless taller than a page. -->
<#macro row header=false keep=true>
<w:tr><#if header || keep><w:trPr><#if keep><w:cantSplit/></#if><#if header><w:tblHeader/></#if></w:trPr></#if><#nested></w:tr><#t>
</#macro>

<#-- Section properties: A4, orientation, margins and footer distance in twips, page X of Y footer. -->
<#macro section landscape top right bottom left footer=397>
<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter1"/><#if landscape><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><#else><w:pgSz w:w="11906" w:h="16838"/></#if><w:pgMar w:top="${top?c}" w:right="${right?c}" w:bottom="${bottom?c}" w:left="${left?c}" w:header="0" w:footer="${footer?c}" w:gutter="0"/><w:cols w:space="425"/><w:docGrid w:type="default" w:linePitch="312"/></w:sectPr><#t>
</#macro>
