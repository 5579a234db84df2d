package io.fahuo.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.fahuo.printing.domain.Printer;
import io.fahuo.printing.internal.RawPrinterClient;
import io.fahuo.shipments.domain.LabelFormat;
import io.fahuo.shipments.domain.LabelSize;
import io.fahuo.shipments.domain.LabelSpec;

/** Raw printing against local sockets: a printer that reads, none at all, and one that stops reading. */
class RawPrinterClientTest {

    private final RawPrinterClient client = new RawPrinterClient();

    @Test
    void theWholeJobArrivesAndTheConnectionIsClosed() throws Exception {
        try (ServerSocket printer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
                try (Socket s = printer.accept(); InputStream in = s.getInputStream()) {
                    return in.readAllBytes();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            byte[] job = "^XA^FO10,10^FDhello^FS^XZ\n".repeat(20_000).getBytes(StandardCharsets.UTF_8);

            client.send(printer("Packing-1", printer.getLocalPort(), Duration.ofSeconds(2)), job);

            assertThat(received.get(10, TimeUnit.SECONDS)).isEqualTo(job);
        }
    }

    @Test
    void aPrinterThatIsOffNamesItselfInTheError() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        assertThatThrownBy(() -> client.send(printer("打包台 2 号", closedPort, Duration.ofSeconds(2)), new byte[] {1}))
                .isInstanceOf(PrinterException.class)
                .hasMessageStartingWith("printer '打包台 2 号' (127.0.0.1:" + closedPort + "): ")
                .hasMessageContaining("refused")
                .satisfies(e -> assertThat(((PrinterException) e).retryable()).isTrue());
    }

    @Test
    void aPrinterThatDoesNotAnswerTimesOutTheConnect() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // nobody accepts: once the backlog is full, the kernel drops further connection attempts unanswered
            List<SocketChannel> waiting = new ArrayList<>();
            boolean full = false;
            while (!full && waiting.size() < 20) {
                SocketChannel c = SocketChannel.open();
                c.configureBlocking(false);
                c.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), busy.getLocalPort()));
                waiting.add(c);
                Thread.sleep(50);
                full = !c.finishConnect();
            }
            assertThat(full).as("backlog filled").isTrue();
            Printer printer = new Printer(1, 1, 1, "Asleep", new LabelSpec(LabelFormat.TSPL, LabelSize.S76X130, 203), "127.0.0.1",
                    busy.getLocalPort(), Duration.ofMillis(400), Duration.ofSeconds(1), false);

            assertThatThrownBy(() -> client.send(printer, new byte[] {1}))
                    .isInstanceOf(PrinterException.class)
                    .hasMessage("printer 'Asleep' (127.0.0.1:" + busy.getLocalPort() + ") did not accept a connection within 400 ms");
            for (SocketChannel c : waiting) {
                c.close();
            }
        }
    }

    @Test
    void aPrinterThatStopsReadingTimesOutTheWrite() throws Exception {
        try (ServerSocket printer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            CompletableFuture.runAsync(() -> {
                try {
                    held.add(printer.accept()); // accepted, never read: its buffers fill up
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            byte[] job = new byte[64 * 1024 * 1024];
            long started = System.nanoTime();

            assertThatThrownBy(() -> client.send(printer("Stuck", printer.getLocalPort(), Duration.ofMillis(300)), job))
                    .isInstanceOf(PrinterException.class)
                    .hasMessageStartingWith("printer 'Stuck' (127.0.0.1:" + printer.getLocalPort() + ") took ")
                    .hasMessageContaining("of " + job.length + " bytes and then nothing more within 300 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            for (Socket s : held) {
                s.close();
            }
        }
    }

    private static Printer printer(String name, int port, Duration writeTimeout) {
        return new Printer(1, 1, 1, name, new LabelSpec(LabelFormat.ZPL, LabelSize.S100X150, 203), "127.0.0.1", port,
                Duration.ofSeconds(1), writeTimeout, false);
    }
}
