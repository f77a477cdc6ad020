package io.lectern.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/**
 * The real SMTP server of a test JVM: GreenMail on a spare port, shared by every test context. Tests
 * that simulate an outage stop it and start a fresh one on the same port.
 */
public final class TestSmtp {

    private static final int PORT = freePort();
    private static volatile GreenMail server = start();

    private TestSmtp() {}

    public static int port() {
        return PORT;
    }

    public static synchronized void stop() {
        server.stop();
    }

    public static synchronized void restart() {
        server = start();
    }

    /** Messages received for exactly this address. */
    public static List<MimeMessage> to(String address) {
        return Arrays.asList(server.getReceivedMessagesForDomain(address)).stream()
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(a -> a.toString().equalsIgnoreCase(address));
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    /** Every text part of a message (plain and HTML), decoded, one after the other. */
    public static String content(MimeMessage message) {
        try {
            StringBuilder out = new StringBuilder();
            collect(message.getContent(), message.getContentType(), out);
            return out.toString();
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Object content, String type, StringBuilder out)
            throws IOException, jakarta.mail.MessagingException {
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                jakarta.mail.BodyPart part = multipart.getBodyPart(i);
                collect(part.getContent(), part.getContentType(), out);
            }
        } else if (content instanceof String text) {
            out.append("--- ").append(type).append('\n').append(text).append('\n');
        }
    }

    private static GreenMail start() {
        GreenMail mail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
