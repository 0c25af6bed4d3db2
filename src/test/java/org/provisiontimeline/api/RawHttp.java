package org.provisiontimeline.api;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Sends a request byte for byte (no Host, HTTP/1.0, forged Host …), which no HTTP client library lets a test do. */
public final class RawHttp {

    private RawHttp() {
    }

    /** The whole response (status line, headers, body) to {@code request}, read until the server closes or 5 s. */
    public static String send(String request) throws IOException {
        return send(RestAssured.port, request);
    }

    public static String send(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                    if (complete(out.toString(StandardCharsets.UTF_8))) {
                        break;
                    }
                }
            } catch (SocketTimeoutException keptOpen) {
                // what arrived is the answer
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** A response with a Content-Length whose body has fully arrived. */
    private static boolean complete(String response) {
        int end = response.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = response.substring(0, end).toLowerCase(java.util.Locale.ROOT);
        int at = head.indexOf("content-length:");
        if (at < 0) {
            return false;
        }
        int eol = head.indexOf("\r\n", at);
        long length = Long.parseLong(head.substring(at + 15, eol < 0 ? head.length() : eol).trim());
        return response.getBytes(StandardCharsets.UTF_8).length - end - 4 >= length;
    }

    public static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }
}
