package org.rapaio.jupyter.kernel.channels;

import java.util.logging.Logger;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.java.CellInterrupts;
import org.rapaio.jupyter.kernel.message.HMACDigest;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.org.zeromq.SocketType;
import org.rapaio.org.zeromq.ZMQ;

/**
 * The iopub channel, on which a cell's output is published, often from the thread running the cell.
 *
 * <p>Stands in for rapaio-jupyter-kernel's class of the same name (same constructor and methods). ZeroMQ
 * fails a send made by an interrupted thread ({@code ZMQException: Errno 4}), so an interrupt that reached
 * a cell while it printed replaced the cell's own outcome (a training's "interrupted in epoch N") with that
 * error. Here a send runs with the thread's interrupt status put aside, and no interrupt is delivered
 * meanwhile (see {@link CellInterrupts#deliver}); the status is restored after the send.
 */
public final class IOPubChannel extends AbstractChannel {

    private static final Logger LOGGER = Logger.getLogger(IOPubChannel.class.getSimpleName());

    public IOPubChannel(Channels channels, ZMQ.Context context, HMACDigest hmacGenerator) {
        super(channels, "IOPubChannel", context, SocketType.PUB, hmacGenerator);
    }

    @Override
    public void bind(ConnectionProperties connProps) {
        String address = connProps.formatAddress(connProps.iopubPort());
        LOGGER.info(logPrefix + "Binding iopub to " + address);
        socket.bind(address);
    }

    @Override
    public synchronized void sendMessage(Message<?> message) {
        CellInterrupts.withoutInterrupts(() -> super.sendMessage(message));
    }
}
