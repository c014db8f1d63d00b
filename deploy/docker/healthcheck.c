/*
 * hq-healthcheck: the container healthcheck of every OpenClaw HQ service.
 *
 * Neither runtime image ships an HTTP client: ubi9-quarkus-micro-image has no curl or wget, and
 * ubi9/openjdk-17-runtime has no curl either (and a second JVM per probe would cost more memory
 * than the service it checks). So this small client is compiled in the builder stage with the
 * builder's gcc and copied into the image. It needs only glibc, which both images carry (the
 * native executable itself links against it) and which is the same ubi9 glibc at build and at
 * run time.
 *
 * usage:  hq-healthcheck [PORT [PATH]]        defaults: 8080 /q/health/ready
 * exit 0  when http://127.0.0.1:PORT/PATH answers with status 200 within 5 seconds
 * exit 1  otherwise (refused, timed out, 503 while DOWN, anything else), with one line on stderr
 *
 * Quarkus answers /q/health/ready with 503 while any readiness check is DOWN (database
 * unreachable, invalid config file), so the status code alone is the verdict; the body is not read.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#define TIMEOUT_SECONDS 5
#define MAX_PATH_LENGTH 200

static int fail(const char *why) {
    fprintf(stderr, "hq-healthcheck: %s\n", why);
    return 1;
}

static int write_all(int fd, const char *data, size_t length) {
    while (length > 0) {
        ssize_t written = write(fd, data, length);
        if (written < 0 && errno == EINTR) {
            continue;
        }
        if (written <= 0) {
            return -1;
        }
        data += written;
        length -= (size_t) written;
    }
    return 0;
}

/* Reads until the status line is complete (or the buffer is full); returns bytes read or -1. */
static ssize_t read_status_line(int fd, char *buffer, size_t capacity) {
    size_t total = 0;
    while (total < capacity - 1) {
        ssize_t got = read(fd, buffer + total, capacity - 1 - total);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got <= 0) {
            break;
        }
        total += (size_t) got;
        buffer[total] = '\0';
        if (strstr(buffer, "\r\n") != NULL) {
            break;
        }
    }
    buffer[total] = '\0';
    return total > 0 ? (ssize_t) total : -1;
}

int main(int argc, char **argv) {
    const char *port_text = argc > 1 ? argv[1] : "8080";
    const char *path = argc > 2 ? argv[2] : "/q/health/ready";
    if (argc > 3) {
        return fail("usage: hq-healthcheck [PORT [PATH]]");
    }

    char *end = NULL;
    long port = strtol(port_text, &end, 10);
    if (*port_text == '\0' || *end != '\0' || port < 1 || port > 65535) {
        return fail("port must be a number from 1 to 65535");
    }
    if (path[0] != '/' || strlen(path) > MAX_PATH_LENGTH || strpbrk(path, " \t\r\n") != NULL) {
        return fail("path must start with / and hold no spaces or line breaks");
    }

    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        return fail("cannot open a socket");
    }
    /* On Linux SO_SNDTIMEO also bounds connect(), so no step can hang the probe. */
    struct timeval timeout = {.tv_sec = TIMEOUT_SECONDS, .tv_usec = 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);

    struct sockaddr_in address;
    memset(&address, 0, sizeof address);
    address.sin_family = AF_INET;
    address.sin_port = htons((unsigned short) port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *) &address, sizeof address) != 0) {
        close(fd);
        return fail("connection refused or timed out");
    }

    char request[MAX_PATH_LENGTH + 96];
    int length = snprintf(request, sizeof request,
            "GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", path);
    if (length < 0 || (size_t) length >= sizeof request || write_all(fd, request, (size_t) length) != 0) {
        close(fd);
        return fail("could not send the request");
    }

    char response[128];
    ssize_t got = read_status_line(fd, response, sizeof response);
    close(fd);
    if (got < 0) {
        return fail("no answer");
    }
    /* "HTTP/1.1 200 OK": the code sits at offset 9 and is followed by a space or the line end. */
    int ok = got >= 12 && strncmp(response, "HTTP/1.", 7) == 0 && response[8] == ' '
            && strncmp(response + 9, "200", 3) == 0
            && (response[12] == ' ' || response[12] == '\r' || response[12] == '\0');
    if (!ok) {
        char *line_end = strpbrk(response, "\r\n");
        if (line_end != NULL) {
            *line_end = '\0';
        }
        fprintf(stderr, "hq-healthcheck: not ready: %s\n", response);
        return 1;
    }
    return 0;
}
