package com.workline.persistence.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;

/**
 * A minimal SMTP server for the answers GreenMail never gives: a refused recipient or sender, or silence. Answers
 * each command with {@code replies} (command line in, reply out; null for the usual positive reply).
 */
final class ScriptedSmtpServer implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread thread;

    private ScriptedSmtpServer(Function<String, String> replies, boolean silent) throws IOException {
        socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(replies, silent), "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    static ScriptedSmtpServer answering(Function<String, String> replies) throws IOException {
        return new ScriptedSmtpServer(replies, false);
    }

    /** Accepts connections and never says a word (a TLS port spoken to in plain text, a hung server). */
    static ScriptedSmtpServer silent() throws IOException {
        return new ScriptedSmtpServer(line -> null, true);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve(Function<String, String> replies, boolean silent) {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                if (silent) {
                    client.getInputStream().read();
                    continue;
                }
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = client.getOutputStream();
                write(out, "220 scripted ESMTP");
                String line;
                boolean data = false;
                while ((line = in.readLine()) != null) {
                    if (data) {
                        if (line.equals(".")) {
                            data = false;
                            write(out, "250 2.0.0 queued");
                        }
                        continue;
                    }
                    String scripted = replies.apply(line);
                    String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
                    if (scripted != null) {
                        write(out, scripted);
                    } else if (command.equals("EHLO")) {
                        write(out, "250-scripted\r\n250 8BITMIME");
                    } else if (command.equals("DATA")) {
                        data = true;
                        write(out, "354 go ahead");
                    } else if (command.equals("QUIT")) {
                        write(out, "221 bye");
                        break;
                    } else {
                        write(out, "250 OK");
                    }
                }
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private static void write(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
