package io.slotbridge.sandbox.core;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.zip.GZIPInputStream;

/**
 * Google's APIs accept gzip-compressed request bodies, and the Google Java client sends them that way by default;
 * this unpacks such a body before the controllers read it.
 */
final class GzipRequest extends HttpServletRequestWrapper {

    private static final String CONTENT_ENCODING = "Content-Encoding";

    private GzipRequest(HttpServletRequest request) {
        super(request);
    }

    static HttpServletRequest apply(HttpServletRequest request) {
        String encoding = request.getHeader(CONTENT_ENCODING);
        return encoding != null && encoding.strip().equalsIgnoreCase("gzip") ? new GzipRequest(request) : request;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        InputStream unzipped = new GZIPInputStream(super.getInputStream());
        return new ServletInputStream() {
            private boolean finished;

            @Override
            public int read() throws IOException {
                int next = unzipped.read();
                finished = next < 0;
                return next;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = unzipped.read(buffer, offset, length);
                finished = read < 0;
                return read;
            }

            @Override
            public boolean isFinished() {
                return finished;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("blocking reads only");
            }
        };
    }

    @Override
    public BufferedReader getReader() throws IOException {
        String charset = getCharacterEncoding();
        return new BufferedReader(new InputStreamReader(
                getInputStream(),
                charset == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(charset)));
    }

    @Override
    public int getContentLength() {
        return -1;
    }

    @Override
    public long getContentLengthLong() {
        return -1;
    }

    @Override
    public String getHeader(String name) {
        return CONTENT_ENCODING.equalsIgnoreCase(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return CONTENT_ENCODING.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }
}
