package org.rapaio.jupyter.kernel.channels;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.java.CellInterrupts;
import org.rapaio.jupyter.kernel.message.HMACDigest;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.rapaio.jupyter.kernel.message.messages.ErrorReply;
import org.rapaio.jupyter.kernel.message.messages.IOPubStatus;
import org.rapaio.jupyter.kernel.message.messages.ShellExecuteRequest;
import org.rapaio.org.zeromq.SocketType;
import org.rapaio.org.zeromq.ZMQ;

/**
 * The shell channel: one loop thread reads requests and runs their handlers one at a time.
 *
 * <p>Stands in for rapaio-jupyter-kernel's class of the same name (same constructor and methods) and adds
 * two things rapaio lacks. Requests wait in the socket until the kernel has registered its handlers
 * (rapaio's loop could read the first kernel_info_request before that and die). And it honours the
 * protocol's {@code stop_on_error}: when an execute_request fails and asked for it (clients ask by
 * default, and JupyterLab's Run All does), every execute_request already queued behind it when its error
 * reply goes out is answered with status {@code aborted} without running, so one error is not followed by
 * errors of the cells that depended on it. Other requests queued meanwhile are handled as usual.
 */
public final class ShellChannel extends AbstractChannel {

    private static final Logger LOGGER = Logger.getLogger(ShellChannel.class.getSimpleName());
    private static final long LOOP_SLEEP = 50;
    private static final AtomicInteger ID = new AtomicInteger();

    private final Channels connection;
    private volatile LoopThread loopThread;
    private ZMQ.Poller poller;
    /** Whether the execute_request being handled asked for stop_on_error. */
    private volatile boolean stopOnError;
    /**
     * The requests that were waiting in the socket when the failing execute_request's error reply was about to
     * be sent: read before that reply goes out, so a request the client sends only after seeing the reply (a
     * next cell run by hand, a probe) is never among them and never aborted.
     */
    private final Deque<Message<?>> queuedBehindError = new ArrayDeque<>();

    public ShellChannel(Channels channels, ZMQ.Context context, HMACDigest hmacGenerator, Channels connection) {
        super(channels, "ShellChannel", context, SocketType.ROUTER, hmacGenerator);
        this.connection = connection;
    }

    @Override
    public void bind(ConnectionProperties connProps) {
        if (loopThread != null) {
            throw new IllegalStateException("Channel already bound.");
        }
        String address = connProps.formatAddress(connProps.shellPort());
        LOGGER.info(logPrefix + "Binding to " + address);
        socket.bind(address);
        poller = ctx.poller(1);
        poller.register(socket, ZMQ.Poller.POLLIN);
        loopThread = new LoopThread("Shell-" + ID.getAndIncrement(), LOOP_SLEEP, () -> {
            if (Requests.handlersReady(connection) && poller.poll(0) > 0) {
                handle(readMessage());
            }
        });
        loopThread.start();
    }

    private void handle(Message<?> message) {
        if (!(message.content() instanceof ShellExecuteRequest request)) {
            Requests.dispatch(connection, message, logPrefix, LOGGER);
            return;
        }
        stopOnError = request.stopOnError();
        CellInterrupts.cellStarted();
        try {
            Requests.dispatch(connection, message, logPrefix, LOGGER);
        } finally {
            CellInterrupts.cellEnded();
            stopOnError = false;
        }
        abortQueued();
    }

    /** Answers the execute_requests queued behind an error with "aborted"; handles the others, in order. */
    private void abortQueued() {
        int aborted = 0;
        while (!closed && !queuedBehindError.isEmpty()) {
            Message<?> message = queuedBehindError.pollFirst();
            if (message.content() instanceof ShellExecuteRequest) {
                abort(message);
                aborted++;
            } else {
                Requests.dispatch(connection, message, logPrefix, LOGGER);
            }
        }
        if (aborted > 0) {
            LOGGER.info(logPrefix + "Aborted " + aborted + " queued execute_request(s) after an error.");
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void abort(Message<?> request) {
        connection.setMsgId(request.getId());
        try {
            connection.publish(IOPubStatus.BUSY);
            sendMessage(new Message(request.getId(), MessageType.SHELL_EXECUTE_REPLY, Map.of("status", "aborted")));
            connection.publish(IOPubStatus.IDLE);
        } finally {
            connection.freeMsgId();
        }
    }

    @Override
    public synchronized void sendMessage(Message<?> message) {
        if (stopOnError && message.content() instanceof ErrorReply
                && MessageType.SHELL_EXECUTE_REPLY.name().equals(message.header().type().name())
                && Thread.currentThread() == loopThread) {
            while (!closed && poller.poll(0) > 0) {
                queuedBehindError.addLast(readMessage());
            }
        }
        super.sendMessage(message);
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
