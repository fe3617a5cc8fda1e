package org.aelab.viz;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Finds the Jupyter kernel hosting this JVM, by reflection only: aelab has no compile-time
 * dependency on any kernel. All three kernels run notebook code through JShell in their own JVM
 * (local execution), so the kernel's classes are visible from the class loader that loaded aelab
 * (its parent is the kernel's application class loader), from the thread's context class loader or
 * from the system class loader; each is tried in turn.
 *
 * <ul>
 *   <li>rapaio-jupyter-kernel 3.x: a {@code DisplayData} made with {@code DisplayData.fromText(plain)}
 *       and filled with {@code putData(mime, value)}, with a display id of aelab's, goes to
 *       {@code MainApp.kernel.display(data)}; {@code MainApp.kernel.updateDisplay(data)} replaces it.
 *       It counts as running when {@code MainApp.kernel.channels()} is connected.</li>
 *   <li>IJava 1.3: {@code io.github.spencerpark.ijava.IJava.getKernelInstance()} returns the running
 *       kernel (null otherwise). JJava 1.0: {@code org.dflib.jjava.jupyter.kernel.BaseKernel.notebookKernel()}
 *       returns it (and throws outside a notebook). Both descend from SpencerPark's base kernel: a
 *       {@code DisplayData} of the kernel's own class is filled by reflection and passed to
 *       {@code kernel.display(data)}; updates go through
 *       {@code kernel.getIO().display.updateDisplay(id, data)}.</li>
 * </ul>
 *
 * Both kernels serialise a bundle's values with Gson, so JSON MIME types (the Plotly figure) are
 * handed over as Gson {@code JsonElement}s parsed with the kernel's own Gson ({@link JsonValues}):
 * the message then carries a JSON object, as the Jupyter protocol wants, not a string.
 */
final class KernelFrontends {
    private KernelFrontends() {
    }

    /** The running kernel's frontend, if this JVM is a kernel. */
    static Optional<Frontend> detect() {
        for (ClassLoader loader : loaders()) {
            Optional<Frontend> found = rapaio(loader)
                    .or(() -> baseKernel(loader, "io.github.spencerpark.ijava.IJava", "getKernelInstance", "IJava"))
                    .or(() -> baseKernel(loader, "org.dflib.jjava.jupyter.kernel.BaseKernel", "notebookKernel",
                            "JJava"));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static List<ClassLoader> loaders() {
        Set<ClassLoader> loaders = new LinkedHashSet<>();
        loaders.add(KernelFrontends.class.getClassLoader());
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            loaders.add(context);
        }
        loaders.add(ClassLoader.getSystemClassLoader());
        loaders.remove(null);
        return new ArrayList<>(loaders);
    }

    private static Optional<Class<?>> find(ClassLoader loader, String name) {
        try {
            return Optional.of(Class.forName(name, true, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static Optional<Frontend> rapaio(ClassLoader loader) {
        Optional<Class<?>> mainApp = find(loader, "org.rapaio.jupyter.kernel.MainApp");
        Optional<Class<?>> displayData = find(loader, "org.rapaio.jupyter.kernel.display.DisplayData");
        if (mainApp.isEmpty() || displayData.isEmpty()) {
            return Optional.empty();
        }
        try {
            Object kernel = mainApp.get().getField("kernel").get(null);
            if (kernel == null || kernel.getClass().getMethod("channels").invoke(kernel) == null) {
                return Optional.empty();  // the jar is on the class path but no kernel is running
            }
            Class<?> type = displayData.get();
            return Optional.of(new RapaioFrontend(kernel, type.getMethod("fromText", String.class),
                    type.getMethod("putData", String.class, Object.class), type.getMethod("setDisplayId", String.class),
                    kernel.getClass().getMethod("display", type), kernel.getClass().getMethod("updateDisplay", type),
                    JsonValues.forLoader(type.getClassLoader())));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** The kernel that the static method {@code className.accessor()} returns, if it returns one. */
    private static Optional<Frontend> baseKernel(ClassLoader loader, String className, String accessor, String name) {
        Optional<Class<?>> entry = find(loader, className);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        try {
            Object kernel = entry.get().getMethod(accessor).invoke(null);
            if (kernel == null) {
                return Optional.empty();
            }
            Method display = null;
            for (Method m : kernel.getClass().getMethods()) {
                if (m.getName().equals("display") && m.getParameterCount() == 1
                        && m.getParameterTypes()[0].getSimpleName().equals("DisplayData")) {
                    display = m;
                }
            }
            if (display == null) {
                return Optional.empty();
            }
            return Optional.of(new BaseKernelFrontend(name, kernel, display,
                    JsonValues.forLoader(display.getParameterTypes()[0].getClassLoader())));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static RuntimeException failure(String kernel, String action, Throwable e) {
        Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
        return new IllegalStateException("the " + kernel + " kernel refused to " + action + ": " + cause, cause);
    }

    /**
     * rapaio-jupyter-kernel: a {@code DisplayData} holding the whole bundle, published with
     * {@code MainApp.kernel.display(data)} / {@code updateDisplay(data)} (its {@code Global.display}
     * carries one MIME type only).
     */
    private record RapaioFrontend(Object kernel, Method fromText, Method putData, Method setDisplayId,
                                  Method display, Method update, JsonValues json) implements Frontend {
        @Override
        public String display(Output output) {
            String id = UUID.randomUUID().toString();
            try {
                display.invoke(kernel, displayData(output, id));
                return id;
            } catch (ReflectiveOperationException e) {
                throw failure("rapaio", "display an output", e);
            }
        }

        @Override
        public void update(String displayId, Output output) {
            try {
                update.invoke(kernel, displayData(output, displayId));
            } catch (ReflectiveOperationException e) {
                throw failure("rapaio", "update an output", e);
            }
        }

        private Object displayData(Output output, String id) throws ReflectiveOperationException {
            String text = output.get(Output.TEXT);
            Object data = fromText.invoke(null, text == null ? output.toString() : text);
            for (var e : output.data().entrySet()) {
                if (!e.getKey().equals(Output.TEXT)) {
                    putData.invoke(data, e.getKey(), json.value(e.getKey(), e.getValue()));
                }
            }
            setDisplayId.invoke(data, id);
            return data;
        }

        @Override
        public boolean isKernel() {
            return true;
        }

        @Override
        public String describe() {
            return "rapaio-jupyter-kernel";
        }
    }

    /** IJava and JJava share SpencerPark's base kernel: DisplayData, display(data), getIO().display. */
    private record BaseKernelFrontend(String name, Object kernel, Method display, JsonValues json) implements Frontend {
        @Override
        public String display(Output output) {
            String id = UUID.randomUUID().toString();
            try {
                display.invoke(kernel, displayData(output, id));
                return id;
            } catch (ReflectiveOperationException e) {
                throw failure(name, "display an output", e);
            }
        }

        @Override
        public void update(String displayId, Output output) {
            try {
                Object io = kernel.getClass().getMethod("getIO").invoke(kernel);
                Field streamField = io.getClass().getField("display");
                Object stream = streamField.get(io);
                Object data = displayData(output, displayId);
                for (Method m : stream.getClass().getMethods()) {
                    if (m.getName().equals("updateDisplay") && m.getParameterCount() == 2
                            && m.getParameterTypes()[0] == String.class) {
                        m.setAccessible(true);
                        m.invoke(stream, displayId, data);
                        return;
                    }
                }
                throw new NoSuchMethodException(stream.getClass().getName() + ".updateDisplay(String, DisplayData)");
            } catch (ReflectiveOperationException e) {
                throw failure(name, "update an output", e);
            }
        }

        private Object displayData(Output output, String id) throws ReflectiveOperationException {
            Class<?> type = display.getParameterTypes()[0];
            Object data = type.getConstructor().newInstance();
            Method put = type.getMethod("putData", String.class, Object.class);
            for (var e : output.data().entrySet()) {
                put.invoke(data, e.getKey(), json.value(e.getKey(), e.getValue()));
            }
            type.getMethod("setDisplayId", String.class).invoke(data, id);
            return data;
        }

        @Override
        public boolean isKernel() {
            return true;
        }

        @Override
        public String describe() {
            return name;
        }
    }
}
