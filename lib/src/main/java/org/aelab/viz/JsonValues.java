package org.aelab.viz;

import java.lang.reflect.Method;

/**
 * Turns the JSON text of a JSON MIME type into a value a kernel's Gson writes as JSON: a Gson
 * {@code JsonElement} parsed by the kernel's own Gson (found by reflection, from the kernel's
 * class loader: {@code JsonParser.parseString}, or {@code new JsonParser().parse} before Gson
 * 2.8.6), else plain maps and lists. Other MIME types stay strings.
 */
final class JsonValues {
    private final Method parseString;
    private final Object parser;

    private JsonValues(Method parseString, Object parser) {
        this.parseString = parseString;
        this.parser = parser;
    }

    static JsonValues forLoader(ClassLoader loader) {
        try {
            Class<?> type = Class.forName("com.google.gson.JsonParser", true, loader);
            try {
                return new JsonValues(type.getMethod("parseString", String.class), null);
            } catch (NoSuchMethodException old) {
                return new JsonValues(type.getMethod("parse", String.class), type.getConstructor().newInstance());
            }
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return new JsonValues(null, null);
        }
    }

    Object value(String mimeType, String content) {
        if (!Output.isJson(mimeType)) {
            return content;
        }
        if (parseString != null) {
            try {
                return parseString.invoke(parser, content);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the kernel's Gson could not read the " + mimeType + " output: "
                        + e.getCause(), e);
            }
        }
        return TablesawFigures.parse(content, mimeType + " output");
    }
}
