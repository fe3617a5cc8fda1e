package org.rapaio.jupyter.kernel.channels;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.java.CellInterrupts;
import org.rapaio.jupyter.kernel.message.HMACDigest;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.org.zeromq.SocketType;
import org.rapaio.org.zeromq.ZMQ;

/**
 * The control channel: its own loop thread, so that interrupt and shutdown requests are read while a
 * cell runs on the shell channel.
 *
 * <p>Stands in for rapaio-jupyter-kernel's class of the same name (same constructor and methods). It
 * answers interrupt_request itself, on this channel as the protocol asks (rapaio sent the reply to the
 * shell socket, where no client receives it, and ran the shell's pending after-actions from this
 * thread), then asks the kernel to interrupt the running code: the thread running the cell is
 * interrupted (see {@code RapaioExecutionControl}) and code that checks for interrupts, like the aelab
 * trainer, stops. Other requests (shutdown) go to rapaio's handlers as before.
 */
public final class ControlChannel extends AbstractChannel {

    private static final Logger LOGGER = Logger.getLogger(ControlChannel.class.getSimpleName());
    private static final long LOOP_SLEEP = 50;
    private static final AtomicInteger ID = new AtomicInteger();

    private final Channels channels;
    private volatile LoopThread loopThread;

    public ControlChannel(Channels channels, ZMQ.Context context, HMACDigest hmacGenerator) {
        super(channels, "ControlChannel", context, SocketType.ROUTER, hmacGenerator);
        this.channels = channels;
    }

    @Override
    public void bind(ConnectionProperties connProps) {
        if (loopThread != null) {
            throw new IllegalStateException("Channel already bound.");
        }
        String address = connProps.formatAddress(connProps.controlPort());
        LOGGER.info(logPrefix + "Binding to " + address);
        socket.bind(address);
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(socket, ZMQ.Poller.POLLIN);
        loopThread = new LoopThread("Control-" + ID.getAndIncrement(), LOOP_SLEEP, () -> {
            if (Requests.handlersReady(channels) && poller.poll(0) > 0) {
                Message<?> message = readMessage();
                if (message.header().type() == MessageType.CONTROL_INTERRUPT_REQUEST) {
                    interrupt(message);
                } else if (message.header().type() == MessageType.SHELL_KERNEL_INFO_REQUEST) {
                    kernelInfo(message);
                } else {
                    Requests.dispatch(channels, message, logPrefix, LOGGER);
                }
            }
        });
        loopThread.start();
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void interrupt(Message<?> request) {
        LOGGER.info(logPrefix + "Interrupting the running cell.");
        sendMessage(new Message(request.getId(), MessageType.CONTROL_INTERRUPT_REPLY, Map.of("status", "ok")));
        if (CellInterrupts.request()) {
            MainApp.kernel.interrupt();
        }
    }

    /**
     * Answers a kernel_info_request on this channel (Jupyter servers send them here when a client connects).
     * Rapaio's handler would answer on the shell socket and set the kernel's one "current request" to this
     * one, so the reply and outputs of a cell running on the shell channel meanwhile went out as answers to
     * the kernel_info_request: JupyterLab then showed that cell as running forever.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private void kernelInfo(Message<?> request) {
        try {
            Method info = RapaioKernel.class.getDeclaredMethod("kernelInfo");
            info.setAccessible(true);
            sendMessage(new Message(request.getId(), MessageType.SHELL_KERNEL_INFO_REPLY, info.invoke(MainApp.kernel)));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOGGER.severe(logPrefix + "Could not answer kernel_info_request: " + e);
        }
    }

    @Override
    public void close() {
        if (loopThread != null) {
            loopThread.shutdown();
        }
        super.close();
    }

    @Override
    public void joinUntilClose() {
        if (loopThread != null) {
            try {
                loopThread.join();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
