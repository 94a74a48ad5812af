package org.perfdoc.template;

import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileNameGlobMatcher;
import freemarker.cache.FirstMatchTemplateConfigurationFactory;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateConfiguration;
import freemarker.core.XHTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.perfdoc.style.TemplateRoots;

/**
 * One FreeMarker configuration per set of template roots: thread-safe, parsed templates cached.
 * Locked down so that a template only formats the data it is given: no {@code ?new}, no {@code ?api}.
 * Templates named {@code *.xhtml.ftl} escape as XHTML, {@code *.xml.ftl} as WordprocessingML (see
 * {@link WordXmlOutputFormat}), {@code *.html.ftl} as HTML.
 */
public final class TemplateEngine {
    private final Configuration cfg;

    /** An engine that finds templates in {@code roots} (and nowhere else). */
    public TemplateEngine(TemplateRoots roots) {
        cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setTemplateLoader(new RootsTemplateLoader(roots));
        cfg.setDefaultEncoding("UTF-8");
        // Fixed locale and zone: output must not depend on the machine it runs on.
        cfg.setLocale(Locale.SIMPLIFIED_CHINESE);
        cfg.setTimeZone(TimeZone.getTimeZone("Asia/Shanghai"));
        cfg.setNumberFormat("c");
        cfg.setDateFormat("iso");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        // Templates see the model's values and nothing else of Java: members of perfdoc's own classes
        // (records, their components and derived values such as totals()) and no other methods.
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        wrapper.setMemberAccessPolicy(PerfdocMembersOnly.INSTANCE);
        cfg.setObjectWrapper(wrapper.build());
        TemplateConfiguration xhtml = new TemplateConfiguration();
        xhtml.setOutputFormat(XHTMLOutputFormat.INSTANCE);
        xhtml.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        TemplateConfiguration wordml = new TemplateConfiguration();
        wordml.setOutputFormat(WordXmlOutputFormat.INSTANCE);
        wordml.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        cfg.setRegisteredCustomOutputFormats(List.of(WordXmlOutputFormat.INSTANCE));
        TemplateConfiguration html = new TemplateConfiguration();
        html.setOutputFormat(HTMLOutputFormat.INSTANCE);
        html.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        cfg.setTemplateConfigurations(new FirstMatchTemplateConfigurationFactory(
                new ConditionalTemplateConfigurationFactory(new FileNameGlobMatcher("*.xhtml.ftl"), xhtml),
                new ConditionalTemplateConfigurationFactory(new FileNameGlobMatcher("*.xml.ftl"), wordml),
                new ConditionalTemplateConfigurationFactory(new FileNameGlobMatcher("*.html.ftl"), html))
                .allowNoMatch(true));
    }

    /** Fills the template {@code templateName} (a path relative to the roots) with {@code model}. */
    public String render(String templateName, Map<String, Object> model) {
        try {
            Template template = cfg.getTemplate(templateName);
            StringWriter out = new StringWriter(64 * 1024);
            template.process(model, out);
            return out.toString();
        } catch (TemplateException e) {
            throw new RenderException("模板 " + templateName + " 出错：" + e.getMessageWithoutStackTop(), e);
        } catch (IOException e) {
            throw new RenderException("无法读取模板 " + templateName + "：" + e.getMessage(), e);
        }
    }
}
