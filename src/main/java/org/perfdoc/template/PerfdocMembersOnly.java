package org.perfdoc.template;

import freemarker.ext.beans.ClassMemberAccessPolicy;
import freemarker.ext.beans.MemberAccessPolicy;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * FreeMarker member access for templates: public methods declared by perfdoc's own classes (the
 * model records and grid rows) and nothing else, so a template cannot reach JDK or library methods
 * through a value ({@code p.startDate.getClass()}, {@code x.toString()}-style calls on foreign types).
 */
final class PerfdocMembersOnly implements MemberAccessPolicy {
    static final PerfdocMembersOnly INSTANCE = new PerfdocMembersOnly();

    private PerfdocMembersOnly() {
    }

    @Override
    public ClassMemberAccessPolicy forClass(Class<?> contextClass) {
        return new ClassMemberAccessPolicy() {
            @Override
            public boolean isMethodExposed(Method method) {
                if (method.getName().equals("toString") && method.getParameterCount() == 0) {
                    // dates print as ISO text (2020-01-01); perfdoc's own types have no other toString use
                    return contextClass.getName().startsWith("java.time.") || ours(contextClass);
                }
                return ours(method.getDeclaringClass()) && !method.getName().equals("getClass");
            }

            @Override
            public boolean isConstructorExposed(Constructor<?> constructor) {
                return false;
            }

            @Override
            public boolean isFieldExposed(Field field) {
                return false;
            }
        };
    }

    private static boolean ours(Class<?> c) {
        return c.getName().startsWith("org.perfdoc.");
    }

    @Override
    public boolean isToStringAlwaysExposed() {
        return false;
    }
}
