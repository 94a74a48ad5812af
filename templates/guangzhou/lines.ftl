<#-- The wording of one indicator line, shared by every output format of the Guangzhou style. -->
<#function indicatorLine n i format codes>
  <#local line>
    <#if format == "coded">${n}、${codes[i.level1]}-${i.level1}；${codes[i.level1 + "/" + i.level2]}-${i.level2}；${i.name}；<#if i.periodValue??>实施周期指标值:${i.periodValue}；</#if>年度指标值:${i.value}<#else>${n}、${i.level1}：${i.name}，<#if i.periodValue??>实施周期指标值：${i.periodValue}，</#if>年度指标值：${i.value}</#if><#t>
  </#local>
  <#-- a value that already closes its sentence gets no second full stop -->
  <#if i.value?ends_with("。") || i.value?ends_with("。）")>
    <#return line>
  </#if>
  <#return line + "。">
</#function>
