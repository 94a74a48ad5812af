<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <dc:title>${doc.department} ${title}</dc:title>
  <dc:subject>${doc.year?c}年度 ${title}</dc:subject>
  <dc:creator>${doc.department}</dc:creator>
  <cp:keywords>${title}, ${doc.department}, ${doc.year?c}</cp:keywords>
  <cp:lastModifiedBy>${generator}</cp:lastModifiedBy>
<#-- Dates only from SOURCE_DATE_EPOCH: a clock time would make every render differ. -->
<#if sourceDate?has_content>
  <dcterms:created xsi:type="dcterms:W3CDTF">${sourceDate}</dcterms:created>
  <dcterms:modified xsi:type="dcterms:W3CDTF">${sourceDate}</dcterms:modified>
</#if>
</cp:coreProperties>
