package org.aelab.viz;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One rendered output: a MIME bundle as Jupyter's display_data carries it, the richest type first.
 * Most outputs hold one type ({@code text/html}, {@code image/png} as base64, {@code text/markdown},
 * {@code text/plain}) plus a plain-text fallback. A Plotly figure holds three:
 * {@code application/vnd.plotly.v1+json} (the figure, drawn by JupyterLab's Plotly extension),
 * {@code text/html} (a div and a script calling {@code window.Plotly}, for HTML exports that load
 * plotly.js once) and {@code text/plain} (a one-line summary).
 *
 * <p>Values are strings; those of JSON types ({@link #isJson}) are JSON text that a kernel sends
 * as a JSON object, not as a string.
 */
record Output(Map<String, String> data) {

    static final String HTML = "text/html";
    static final String PNG = "image/png";
    static final String MARKDOWN = "text/markdown";
    static final String TEXT = "text/plain";
    static final String PLOTLY = "application/vnd.plotly.v1+json";

    Output {
        if (data == null || data.isEmpty()) {
            throw new IllegalArgumentException("an output needs at least one MIME type, got " + data);
        }
        for (var e : data.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException("an output needs a MIME type and content, got " + e.getKey()
                        + ", " + e.getValue());
            }
        }
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** One MIME type and a plain-text fallback describing it. */
    static Output of(String mimeType, String content) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(mimeType, content);
        if (!TEXT.equals(mimeType)) {
            data.put(TEXT, "<" + mimeType + " output, " + (content == null ? 0 : content.length()) + " characters>");
        }
        return new Output(data);
    }

    static Output html(String html) {
        return of(HTML, html);
    }

    /** A Plotly figure: its JSON, an HTML fallback drawing the same JSON, and a summary as plain text. */
    static Output figure(String figureJson, String html, String summary) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(PLOTLY, figureJson);
        data.put(HTML, html);
        data.put(TEXT, summary);
        return new Output(data);
    }

    /** The richest MIME type: the first of the bundle. */
    String mimeType() {
        return data.keySet().iterator().next();
    }

    /** The content of the richest MIME type. */
    String content() {
        return data.values().iterator().next();
    }

    /** The content of {@code mimeType}, or null when the bundle lacks it. */
    String get(String mimeType) {
        return data.get(mimeType);
    }

    boolean isFigure() {
        return data.containsKey(PLOTLY);
    }

    /** JSON MIME types ({@code application/json}, {@code …+json}) travel as JSON values. */
    static boolean isJson(String mimeType) {
        return mimeType.equals("application/json") || mimeType.endsWith("+json");
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("Output[");
        data.forEach((mime, content) -> out.append(out.length() > 7 ? ", " : "").append(mime).append(' ')
                .append(content.length()).append(" characters"));
        return out.append(']').toString();
    }
}
