package org.aelab.viz;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One rendered output: a MIME type and its content, as Jupyter's display_data carries it
 * ({@code text/html}, {@code image/png} as base64, {@code text/markdown}, {@code text/plain}).
 */
record Output(String mimeType, String content, boolean needsPlotly) {

    static final String HTML = "text/html";
    static final String PNG = "image/png";
    static final String MARKDOWN = "text/markdown";
    static final String TEXT = "text/plain";

    Output {
        if (mimeType == null || content == null) {
            throw new IllegalArgumentException("an output needs a MIME type and content, got " + mimeType + ", " + content);
        }
    }

    Output(String mimeType, String content) {
        this(mimeType, content, false);
    }

    static Output html(String html) {
        return new Output(HTML, html);
    }

    /** HTML whose scripts call {@code Plotly}: the page must have plotly.js loaded. */
    static Output plotlyHtml(String html) {
        return new Output(HTML, html, true);
    }

    /** The bundle a kernel message carries: the content plus a plain-text fallback. */
    Map<String, String> bundle() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(mimeType, content);
        if (!mimeType.equals(TEXT)) {
            data.put(TEXT, "<" + mimeType + " output, " + content.length() + " characters>");
        }
        return Collections.unmodifiableMap(data);
    }

    @Override
    public String toString() {
        return "Output[" + mimeType + ", " + content.length() + " characters]";
    }
}
