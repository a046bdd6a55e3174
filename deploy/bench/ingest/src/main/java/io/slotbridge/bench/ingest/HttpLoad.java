package io.slotbridge.bench.ingest;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;

/**
 * Posts one request, encoded once, over keep-alive connections, all driven by a single Netty event loop of its own
 * (thread {@code bench-client}). Everything shares two cores, so the generator has to be cheap: it never builds a
 * request or parses more of an answer than the status and the end of the body, and all its state lives on its one
 * thread, without locks.
 *
 * <p>Closed loop: N connections, each sends its next request when the previous was answered (maximum throughput).
 * Open loop: requests fall due at a fixed rate whatever the answers do; a due request takes the next idle connection
 * or waits for one, and its latency counts from when it was due, not when it was sent, so a stalled server cannot
 * hide its stall behind requests that were never sent (no coordinated omission).
 */
final class HttpLoad implements AutoCloseable {

    private static final long MAX_LATENCY_MICROS = Duration.ofSeconds(60).toNanos() / 1000;

    private final EventLoopGroup loop = new NioEventLoopGroup(1, new DefaultThreadFactory("bench-client", true));
    private final URI target;
    private final ByteBuf request;
    private final Map<String, Long> processes;

    /** Counts the CPU of this JVM only. */
    HttpLoad(URI target, byte[] body, Map<String, String> headers) {
        this(
                target,
                body,
                headers,
                Map.of("load generator", ProcessHandle.current().pid()));
    }

    /**
     * @param processes the processes whose CPU a phase counts (servers, broker, this generator), by the name to print
     */
    HttpLoad(URI target, byte[] body, Map<String, String> headers, Map<String, Long> processes) {
        this.processes = new LinkedHashMap<>(processes);
        this.target = target;
        StringBuilder head = new StringBuilder()
                .append("POST ")
                .append(target.getRawPath())
                .append(" HTTP/1.1\r\nHost: ")
                .append(target.getHost())
                .append(':')
                .append(target.getPort())
                .append("\r\nContent-Length: ")
                .append(body.length)
                .append("\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        this.request = Unpooled.unreleasableBuffer(
                Unpooled.wrappedBuffer(head.toString().getBytes(StandardCharsets.US_ASCII), body));
    }

    LatencyReport closedLoop(String name, int connections, Duration duration) {
        ClosedLoop run = new ClosedLoop(System.nanoTime() + duration.toNanos(), connections);
        return run.execute(name, connections, duration);
    }

    LatencyReport fixedRate(String name, int perSecond, int connections, Duration duration) {
        FixedRate run = new FixedRate(perSecond, perSecond * duration.toSeconds());
        return run.execute(name, connections, duration);
    }

    @Override
    public void close() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** One measured phase; every method but {@link #execute} runs on the generator's event loop. */
    private abstract class Run {
        final Histogram latencies = new Histogram(MAX_LATENCY_MICROS, 3);
        final CompletableFuture<Void> finished = new CompletableFuture<>();
        long requests;
        long errors;

        LatencyReport execute(String name, int connections, Duration duration) {
            List<Channel> channels = connect(connections);
            ProcessCpu cpu = new ProcessCpu(processes);
            long started = System.nanoTime(); // after connecting: a phase's rate counts requests, not handshakes
            loop.execute(() -> start(channels));
            try {
                finished.get(duration.toSeconds() + 120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException(name + " did not finish", e);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            channels.forEach(Channel::close);
            ProcessCpu.Usage used = cpu.since();
            return new LatencyReport(
                    name, requests, errors, seconds, latencies, used.totalNanos(), used.perRequest(requests));
        }

        abstract void start(List<Channel> channels);

        /** The answer (or the failure, status 0) to the request a connection had in flight. */
        abstract void answered(Connection connection, int status);

        void record(long fromNanos, int status) {
            requests++;
            latencies.recordValue(Math.min(MAX_LATENCY_MICROS, (System.nanoTime() - fromNanos) / 1000));
            if (status != 200) {
                errors++;
            }
        }

        private List<Channel> connect(int connections) {
            Bootstrap bootstrap = new Bootstrap()
                    .group(loop)
                    .channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new HttpResponseDecoder(), new Connection(Run.this));
                        }
                    });
            List<Channel> channels = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                channels.add(bootstrap
                        .connect(target.getHost(), target.getPort())
                        .syncUninterruptibly()
                        .channel());
            }
            return channels;
        }
    }

    /** Each connection sends again as soon as it is answered, until the deadline. */
    private final class ClosedLoop extends Run {
        private final long deadline;
        private int active;

        ClosedLoop(long deadline, int connections) {
            this.deadline = deadline;
            this.active = connections;
        }

        @Override
        void start(List<Channel> channels) {
            channels.forEach(channel -> send(channel.pipeline().get(Connection.class), System.nanoTime()));
        }

        @Override
        void answered(Connection connection, int status) {
            record(connection.fromNanos, status);
            long now = System.nanoTime();
            if (status != 0 && now < deadline) {
                send(connection, now);
            } else if (--active == 0) {
                finished.complete(null);
            }
        }
    }

    /** Requests fall due every 1/rate seconds; a millisecond tick hands due ones to idle connections. */
    private final class FixedRate extends Run {
        private final long periodNanos;
        private final long total;
        private final ArrayDeque<Long> due = new ArrayDeque<>();
        private final ArrayDeque<Connection> idle = new ArrayDeque<>();
        private long issued;
        private long answered;
        private long startedNanos;
        private ScheduledFuture<?> ticks;

        FixedRate(int perSecond, long total) {
            this.periodNanos = 1_000_000_000L / perSecond;
            this.total = total;
        }

        @Override
        void start(List<Channel> channels) {
            channels.forEach(channel -> idle.add(channel.pipeline().get(Connection.class)));
            startedNanos = System.nanoTime();
            ticks = loop.next().scheduleAtFixedRate(this::tick, 0, 1, TimeUnit.MILLISECONDS);
        }

        private void tick() {
            long now = System.nanoTime();
            while (issued < total && startedNanos + issued * periodNanos <= now) {
                due.add(startedNanos + issued * periodNanos);
                issued++;
            }
            while (!due.isEmpty() && !idle.isEmpty()) {
                send(idle.poll(), due.poll());
            }
        }

        @Override
        void answered(Connection connection, int status) {
            record(connection.fromNanos, status);
            answered++;
            if (status != 0) {
                if (due.isEmpty()) {
                    idle.add(connection);
                } else {
                    send(connection, due.poll());
                }
            }
            if (answered == total) {
                ticks.cancel(false);
                finished.complete(null);
            }
        }
    }

    private void send(Connection connection, long fromNanos) {
        connection.fromNanos = fromNanos;
        connection.inFlight = true;
        connection.channel.writeAndFlush(request.duplicate(), connection.channel.voidPromise());
    }

    /** One keep-alive connection: at most one request in flight, answered when the body's last part arrives. */
    private static final class Connection extends SimpleChannelInboundHandler<HttpObject> {
        private final Run run;
        private Channel channel;
        private long fromNanos;
        private boolean inFlight;
        private int status;

        Connection(Run run) {
            this.run = run;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext context) {
            channel = context.channel();
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, HttpObject message) {
            if (message instanceof HttpResponse response) {
                status = response.status().code();
            }
            if (message instanceof LastHttpContent && inFlight) {
                inFlight = false;
                run.answered(this, status);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            failInFlight();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            failInFlight();
            context.close();
        }

        private void failInFlight() {
            if (inFlight) {
                inFlight = false;
                run.answered(this, 0); // a broken connection is an error and is not used again
            }
        }
    }
}
