package io.openclaw.hq.llm.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import io.openclaw.hq.llm.model.ErrorClass;
import io.vertx.core.http.HttpClosedException;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The fallback specification as a table: which failures are transient, and which class. */
class ErrorClassifierTest {

    @ParameterizedTest(name = "HTTP {0} → {1}")
    @CsvSource({
            "429, TRANSIENT_QUOTA",
            "500, TRANSIENT_SERVER",
            "501, TRANSIENT_SERVER",
            "502, TRANSIENT_SERVER",
            "503, TRANSIENT_SERVER",
            "504, TRANSIENT_SERVER",
            "505, NON_TRANSIENT",
            "520, NON_TRANSIENT",
            "400, NON_TRANSIENT",
            "401, NON_TRANSIENT",
            "402, NON_TRANSIENT",
            "403, NON_TRANSIENT",
            "404, NON_TRANSIENT",
            "408, NON_TRANSIENT",
            "409, NON_TRANSIENT",
            "422, NON_TRANSIENT",
            "499, NON_TRANSIENT",
            "301, NON_TRANSIENT",
            "200, NON_TRANSIENT"})
    void statuses(int status, ErrorClass expected) {
        assertThat(ErrorClassifier.ofStatus(status)).isEqualTo(expected);
        assertThat(ErrorClassifier.ofStatus(status).isTransient()).isEqualTo(expected != ErrorClass.NON_TRANSIENT);
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new HttpConnectTimeoutException("connect timed out"), ErrorClass.TRANSIENT_NETWORK),
                Arguments.of(new HttpTimeoutException("request timed out"), ErrorClass.TRANSIENT_NETWORK),
                Arguments.of(new SocketTimeoutException("read timed out"), ErrorClass.TRANSIENT_NETWORK),
                Arguments.of(new ConnectException("Connection refused"), ErrorClass.TRANSIENT_NETWORK),
                Arguments.of(new IOException("wrapped", new ConnectException("Connection refused")), ErrorClass.TRANSIENT_NETWORK),
                Arguments.of(new IOException("Connection reset by peer"), ErrorClass.TRANSIENT_NETWORK),
                Arguments.of(new EOFException("EOF reached while reading"), ErrorClass.TRANSIENT_NETWORK),
                Arguments.of(new UncheckedIOException(new IOException("closed")), ErrorClass.TRANSIENT_NETWORK),
                Arguments.of(new TimeoutException("The timeout period of 60000ms has been exceeded"), ErrorClass.TRANSIENT_NETWORK),
                Arguments.of(new HttpClosedException("Connection was closed"), ErrorClass.TRANSIENT_NETWORK),
                Arguments.of(new io.netty.channel.ConnectTimeoutException("connection timed out"), ErrorClass.TRANSIENT_NETWORK),
                Arguments.of(new io.vertx.core.VertxException("Connection pool busy"), ErrorClass.NON_TRANSIENT),
                Arguments.of(new JsonParseException(null, "Unexpected character"), ErrorClass.NON_TRANSIENT),
                Arguments.of(new IllegalStateException("config"), ErrorClass.NON_TRANSIENT),
                Arguments.of(new IllegalArgumentException("bad"), ErrorClass.NON_TRANSIENT));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("failures")
    void failures(Throwable failure, ErrorClass expected) {
        assertThat(ErrorClassifier.ofFailure(failure)).isEqualTo(expected);
    }
}
