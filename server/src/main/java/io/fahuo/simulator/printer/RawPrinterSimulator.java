package io.fahuo.simulator.printer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import io.fahuo.simulator.SimClock;

/**
 * A thermal printer on "port 9100": accepts TCP connections on 127.0.0.1, reads each connection to its end
 * as one job, answers nothing (as raw printers do) and remembers the last jobs it got, with the number of
 * labels the ZPL ({@code ^XZ}) or TSPL ({@code PRINT}) in them would print. Port {@code fahuo.sim.printer.port}
 * (0, the default: any free port).
 */
@Component
@ConditionalOnProperty(name = "fahuo.sim.enabled", havingValue = "true")
public class RawPrinterSimulator implements AutoCloseable {

    private static final int KEPT_JOBS = 200;
    private static final Pattern TSPL_PRINT = Pattern.compile("(?m)^PRINT \\d+");

    /** What one connection delivered. */
    public record Received(Instant at, String language, int labels, byte[] bytes) {
        /** The job as text, in the charset of its language (UTF-8 for ZPL, GBK for TSPL). */
        public String text() {
            return new String(bytes, "TSPL".equals(language) ? Charset.forName("GBK") : StandardCharsets.UTF_8);
        }
    }

    private final ServerSocket server;
    private final SimClock clock;
    private final Deque<Received> jobs = new ArrayDeque<>();

    public RawPrinterSimulator(SimClock clock, @Value("${fahuo.sim.printer.port:0}") int port) {
        this.clock = clock;
        try {
            this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("the printer simulator cannot listen on port " + port, e);
        }
        Thread acceptor = new Thread(this::accept, "printer-simulator");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String host() {
        return server.getInetAddress().getHostAddress();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The jobs received, oldest first (the last 200). */
    public synchronized List<Received> received() {
        return List.copyOf(jobs);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread reader = new Thread(() -> read(socket), "printer-simulator-job");
                reader.setDaemon(true);
                reader.start();
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                // a broken connection attempt; keep listening, as a printer does
            }
        }
    }

    private void read(Socket socket) {
        try (socket; InputStream in = socket.getInputStream()) {
            socket.setSoTimeout(30_000);
            byte[] bytes = in.readAllBytes();
            if (bytes.length > 0) {
                record(bytes);
            }
        } catch (IOException e) {
            // the sender went away mid-job: a real printer would print what it got, or nothing
        }
    }

    private synchronized void record(byte[] bytes) {
        String ascii = new String(bytes, StandardCharsets.ISO_8859_1);
        String language;
        int labels;
        if (ascii.startsWith("^XA")) {
            language = "ZPL";
            labels = ascii.split("\\^XZ", -1).length - 1;
        } else {
            language = ascii.startsWith("SIZE ") ? "TSPL" : "UNKNOWN";
            Matcher m = TSPL_PRINT.matcher(ascii);
            labels = 0;
            while (m.find()) {
                labels++;
            }
        }
        jobs.addLast(new Received(clock.now(), language, labels, bytes));
        while (jobs.size() > KEPT_JOBS) {
            jobs.removeFirst();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
