package org.provisiontimeline.csv;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** An HTTP/1.1 client on a bare socket, for what ordinary clients hide: trickled bodies, chunk boundaries. */
final class RawHttp implements AutoCloseable {

    /** Status, header block (lower case), body, and how many chunks the body came in (0: not chunked). */
    record Answer(int status, String headers, byte[] body, int chunks) {
    }

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream());
    }

    static RawHttp open(int port) throws IOException {
        Socket s = new Socket("localhost", port);
        s.setSoTimeout(30_000);
        return new RawHttp(s);
    }

    Socket socket() {
        return socket;
    }

    void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads the status line and headers only. */
    Answer readHead() throws IOException {
        String status = line();
        StringBuilder headers = new StringBuilder();
        for (String h = line(); !h.isEmpty(); h = line()) {
            headers.append(h.toLowerCase(Locale.ROOT)).append('\n');
        }
        return new Answer(Integer.parseInt(status.split(" ")[1]), headers.toString(), new byte[0], 0);
    }

    Answer readAnswer() throws IOException {
        Answer head = readHead();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int chunks = 0;
        if (head.headers().contains("transfer-encoding: chunked")) {
            for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                body.write(in.readNBytes(size));
                line();
                chunks++;
            }
            line();
        } else {
            int length = Integer.parseInt(head.headers().replaceAll("(?s).*content-length: (\\d+).*", "$1"));
            body.write(in.readNBytes(length));
        }
        return new Answer(head.status(), head.headers(), body.toByteArray(), chunks);
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
