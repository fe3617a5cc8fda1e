package org.rapaio.jupyter.kernel.channels;

import java.util.logging.Logger;
import org.rapaio.jupyter.kernel.message.Message;
import org.rapaio.jupyter.kernel.message.MessageType;

/**
 * How the shell and control loops hand a request to the kernel's handler for its type (the project's own
 * helper, next to its replacements of rapaio's channel classes).
 */
final class Requests {

    private Requests() {
    }

    /**
     * Whether the kernel has registered its handlers. The channels are bound, and their loops started,
     * before the handlers are registered, so a request that arrives in between must wait in the socket
     * rather than be read and lost.
     */
    static boolean handlersReady(Channels channels) {
        try {
            return channels.getHandler(MessageType.SHELL_KERNEL_INFO_REQUEST) != null;
        } catch (NullPointerException notYet) { // Channels.getHandler before connect() has set the handler map
            return false;
        }
    }

    /**
     * Runs the handler for the message's type as the current request, then the actions it scheduled (its
     * reply, the idle status); closes the channels when the request asked for a shutdown.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static void dispatch(Channels channels, Message<?> message, String logPrefix, Logger logger) {
        MessageType<?> type = message.header().type();
        MessageHandler handler = channels.getHandler(type);
        if (handler == null) {
            logger.severe(logPrefix + "Unhandled message: " + type.name());
            return;
        }
        logger.info(logPrefix + "Handling message: " + type.name());
        channels.setMsgId(message.getId());
        try {
            handler.handle(message);
        } catch (RuntimeException e) {
            logger.severe(logPrefix + "Exception handling " + type.name() + ". " + e.getClass().getSimpleName()
                    + ": " + e.getLocalizedMessage());
        } finally {
            channels.runAfterActions();
        }
        if (channels.isMarkedForShutdown()) {
            logger.info(logPrefix + "Shutting down connection marked for shutdown.");
            channels.close();
        }
    }
}
