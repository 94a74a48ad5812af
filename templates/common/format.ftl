<#-- Shared formatting helpers. Functions return plain strings; the calling template escapes them. -->

<#-- An amount cell: half-up to 2 places with thousands separators; zero or absent prints nothing. -->
<#function amount v="">
  <#if v?is_number && v != 0>
    <#return v?string(",##0.00;; roundingMode=halfUp")>
  </#if>
  <#return "">
</#function>

<#-- Paragraphs of a narrative text: the input separates them with newlines. -->
<#function paragraphs text="">
  <#if !text?has_content><#return []></#if>
  <#return text?split("\n")>
</#function>

<#-- A whole-yuan amount: 10,144,000; fractions of a yuan keep two places: 10,144,000.50. -->
<#function yuan v="">
  <#if !v?is_number><#return ""></#if>
  <#if v == v?floor><#return v?string(",##0")></#if>
  <#return v?string(",##0.00;; roundingMode=halfUp")>
</#function>

<#-- A text laid out as one paragraph where lines are kept (white-space: pre-line): its own line breaks
     become spaces, as they would in an ordinary paragraph. -->
<#function oneLine text="">
  <#return text?replace("\r", " ")?replace("\n", " ")>
</#function>
