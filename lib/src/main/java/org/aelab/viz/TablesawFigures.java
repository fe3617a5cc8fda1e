package org.aelab.viz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Reads a Tablesaw figure back as Plotly JSON. Tablesaw writes JavaScript object literals (unquoted
 * keys, single-quoted strings, trailing commas) for plotly.js 1.x, with attributes that plotly.js 3
 * dropped: a title given as a plain string and {@code titlefont}. They become {@code title: {text,
 * font}}, which every plotly.js from 1.43 on reads.
 */
final class TablesawFigures {
    private TablesawFigures() {
    }

    static PlotlySpec spec(Figure figure) {
        List<Map<String, Object>> traces = new ArrayList<>();
        Trace[] all = figure.getTraces() == null ? new Trace[0] : figure.getTraces();
        for (int i = 0; i < all.length; i++) {
            traces.add(modernise(object(all[i].asJavascript(i), "trace " + i)));
        }
        Map<String, Object> layout = figure.getLayout() == null ? new LinkedHashMap<>()
                : modernise(object(figure.getLayout().asJavascript(), "layout"));
        return new PlotlySpec(traces, layout);
    }

    /** The object literal in {@code "var name = {…};"}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String javascript, String what) {
        int start = javascript.indexOf('{');
        int end = javascript.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("the Tablesaw " + what + " has no object literal: " + javascript);
        }
        Object value = new Literal(javascript.substring(start, end + 1), what).value();
        return (Map<String, Object>) value;
    }

    /** JSON (or a JavaScript literal) as maps, lists, strings, doubles, booleans and nulls. */
    static Object parse(String json, String what) {
        return new Literal(json, what).value();
    }

    /** Moves legacy title attributes into {@code title: {text, font}}, at every level. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> modernise(Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : map.entrySet()) {
            Object v = e.getValue();
            out.put(e.getKey(), v instanceof Map<?, ?> m ? modernise((Map<String, Object>) m) : v);
        }
        Object title = out.get("title");
        if (title instanceof String text) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("text", text);
            out.put("title", t);
        }
        Object font = out.remove("titlefont");
        if (font != null) {
            Map<String, Object> t = out.get("title") instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
            t.put("font", font);
            out.put("title", t);
        }
        return out;
    }

    /** A reader for the JavaScript literals Tablesaw writes: JSON plus bare keys, 'strings' and trailing commas. */
    private static final class Literal {
        private final String s;
        private final String what;
        private int at;

        Literal(String s, String what) {
            this.s = s;
            this.what = what;
        }

        Object value() {
            Object v = next();
            skipSpace();
            if (at != s.length()) {
                throw error("unexpected text after the value");
            }
            return v;
        }

        private Object next() {
            skipSpace();
            if (at >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(at);
            if (c == '{') {
                return object();
            }
            if (c == '[') {
                return array();
            }
            if (c == '\'' || c == '"') {
                return string();
            }
            String word = word();
            return switch (word) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                case "null", "undefined" -> null;
                default -> {
                    try {
                        yield Double.parseDouble(word);
                    } catch (NumberFormatException e) {
                        throw error("cannot read '" + word + "' as a value");
                    }
                }
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            at++;
            while (true) {
                skipSpace();
                if (peek() == '}') {
                    at++;
                    return map;
                }
                String key = peek() == '\'' || peek() == '"' ? string() : word();
                skipSpace();
                expect(':');
                map.put(key, next());
                skipSpace();
                if (peek() == ',') {
                    at++;
                } else if (peek() != '}') {
                    throw error("expected ',' or '}'");
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            at++;
            while (true) {
                skipSpace();
                if (peek() == ']') {
                    at++;
                    return list;
                }
                list.add(next());
                skipSpace();
                if (peek() == ',') {
                    at++;
                } else if (peek() != ']') {
                    throw error("expected ',' or ']'");
                }
            }
        }

        private String string() {
            char quote = s.charAt(at++);
            StringBuilder out = new StringBuilder();
            while (at < s.length() && s.charAt(at) != quote) {
                char c = s.charAt(at++);
                if (c == '\\' && at < s.length()) {
                    char e = s.charAt(at++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(s.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
            expect(quote);
            return out.toString();
        }

        private String word() {
            int start = at;
            while (at < s.length() && (Character.isLetterOrDigit(s.charAt(at)) || "_$.+-".indexOf(s.charAt(at)) >= 0)) {
                at++;
            }
            if (start == at) {
                throw error("unexpected '" + s.charAt(at) + "'");
            }
            return s.substring(start, at);
        }

        private void skipSpace() {
            while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
                at++;
            }
        }

        private char peek() {
            if (at >= s.length()) {
                throw error("unexpected end");
            }
            return s.charAt(at);
        }

        private void expect(char c) {
            if (at >= s.length() || s.charAt(at) != c) {
                throw error("expected '" + c + "'");
            }
            at++;
        }

        private IllegalArgumentException error(String message) {
            int from = Math.max(0, at - 30);
            return new IllegalArgumentException("cannot read the Tablesaw " + what + " as Plotly JSON: " + message
                    + " at character " + at + " near \"" + s.substring(from, Math.min(s.length(), at + 30)) + "\"");
        }
    }
}
