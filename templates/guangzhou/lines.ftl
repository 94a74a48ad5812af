<#-- The wording of indicators in the Guangzhou style, shared by its PDF and Word templates. Each
     indicator format in style.json names one of these functions: a "line" function writes one
     indicator (n is its number), a "cell" function a project's whole list as one run-on paragraph.
     They return plain text; the calling template escapes it. A new format is a new function here
     and an entry in style.json. -->

<#-- 1、1-产出指标；11-数量指标；外包人员数量；实施周期指标值:45；年度指标值:15。 -->
<#function coded n i codes>
  <#local line>${n}、${codes[i.level1]}-${i.level1}；${codes[i.level1 + "/" + i.level2]}-${i.level2}；${i.name}；<#if i.periodValue??>实施周期指标值:${i.periodValue}；</#if>年度指标值:${i.value}</#local>
  <#return closed(line, i)>
</#function>

<#-- 1、产出指标：每月到村（社区）提供法律服务时间（小时），年度指标值：≥8。 -->
<#function plain n i codes>
  <#local line>${n}、${i.level1}：${i.name}，<#if i.periodValue??>实施周期指标值：${i.periodValue}，</#if>年度指标值：${i.value}</#local>
  <#return closed(line, i)>
</#function>

<#-- The coded lines of a project run on: 1、1-产出指标；11-数量指标；…。2、1-产出指标；… -->
<#function codedInline indicators codes>
  <#local cell><#list indicators as i>${coded(i?counter, i, codes)}</#list></#local>
  <#return cell>
</#function>

<#-- 1-1-产出指标：12-质量指标：非编人员年度考核合格率；实施周期指标值：≥95%；年度指标值：≥95%。2-… -->
<#function dashed indicators codes>
  <#local cell><#list indicators as i>${i?counter}-${codes[i.level1]}-${i.level1}：${codes[i.level1 + "/" + i.level2]}-${i.level2}：${i.name}；<#if i.periodValue??>实施周期指标值：${i.periodValue}；</#if>${closed("年度指标值：" + i.value, i)}</#list></#local>
  <#return cell>
</#function>

<#-- A value that already closes its sentence (…进行考核。, …为平均值。）) gets no second full stop. -->
<#function closed line i>
  <#if i.value?ends_with("。") || i.value?ends_with("。）")>
    <#return line>
  </#if>
  <#return line + "。">
</#function>
