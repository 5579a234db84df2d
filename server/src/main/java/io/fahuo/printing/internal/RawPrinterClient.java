package io.fahuo.printing.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;

import org.springframework.stereotype.Component;

import io.fahuo.printing.PrinterException;
import io.fahuo.printing.domain.Printer;

/**
 * Raw printing ("port 9100", JetDirect): open a TCP connection, write the bytes, close. The printer answers
 * nothing, so success means the bytes left for the printer in time. Both the connect and the whole write
 * have deadlines (a blocking socket has no write timeout, hence the selector), so a dead printer cannot
 * hold a job thread.
 */
@Component
public class RawPrinterClient {

    public void send(Printer printer, byte[] bytes) {
        long connectDeadline = System.nanoTime() + printer.connectTimeout().toNanos();
        try (SocketChannel channel = SocketChannel.open(); Selector selector = Selector.open()) {
            channel.configureBlocking(false);
            SelectionKey key = channel.register(selector, SelectionKey.OP_CONNECT);
            boolean connected = channel.connect(new InetSocketAddress(printer.host(), printer.port()));
            while (!connected) {
                await(selector, connectDeadline, printer, "did not accept a connection within " + printer.connectTimeout().toMillis() + " ms");
                connected = channel.finishConnect();
            }
            key.interestOps(SelectionKey.OP_WRITE);
            long writeDeadline = System.nanoTime() + printer.writeTimeout().toNanos();
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                if (channel.write(buffer) == 0) {
                    await(selector, writeDeadline, printer, "took " + buffer.position() + " of " + bytes.length
                            + " bytes and then nothing more within " + printer.writeTimeout().toMillis() + " ms");
                }
            }
            channel.shutdownOutput();
        } catch (IOException e) {
            throw new PrinterException(printer.describe() + ": " + describe(e), e);
        } catch (UnresolvedAddressException e) {
            throw new PrinterException(printer.describe() + ": unknown host", e);
        }
    }

    private static void await(Selector selector, long deadline, Printer printer, String timeoutMessage) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new PrinterException(printer.describe() + " " + timeoutMessage, null);
        }
        selector.select(Math.max(1, left / 1_000_000));
        selector.selectedKeys().clear();
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.toLowerCase();
    }
}
