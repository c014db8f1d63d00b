package io.openclaw.hq.host;

/**
 * The stand-ins for the host's commands, as bash bodies. Each stub first appends its argv to the call
 * log ($STUB_LOG, one line per call), then answers from files in $STUB_STATE that a test arranges,
 * so a test sets up a host ("Tailscale down", "this image tag never gets healthy") by creating files.
 * Without arrangement they answer as a healthy, bootstrapped VPS would.
 */
final class StubCommands {

    private StubCommands() {
    }

    static final String TAILNET_IP = "100.101.102.103";
    static final String DNS_NAME = "vps-1.tail1234.ts.net";

    /** Arrangement files in $STUB_STATE. */
    static final String TAILSCALE_DOWN = "tailscale_down";
    static final String UNHEALTHY_TAGS = "unhealthy_tags";
    static final String BUILD_FAILS = "build_fails";
    static final String NOTIFY_DOWN = "notify_down";
    static final String LISTENERS = "listeners";
    static final String ALERTS = "alerts";
    static final String ALERT_HEADERS = "alert_headers";

    /** docker compose (v2) and docker-compose (v1): the same answers, after "compose" is shifted off. */
    static final String COMPOSE = """
            state=$STUB_STATE
            printf 'docker-env OPENCLAW_IMAGE_TAG=%s\\n' "${OPENCLAW_IMAGE_TAG:-}" >>"$STUB_LOG"
            case $1 in
                version) echo "Docker Compose version 2.29.0" ;;
                build) [ ! -f "$state/build_fails" ] || exit 1
                       echo "$OPENCLAW_IMAGE_TAG" >>"$state/built_tags" ;;
                up) echo "${OPENCLAW_IMAGE_TAG:-latest}" >"$state/running_tag" ;;
            esac
            exit 0
            """;

    /** Arranged: Docker without the compose plugin, as Debian 12 with its docker-compose 1.29. */
    static final String COMPOSE_V1_ONLY = "compose_v1_only";

    static final String DOCKER = """
            state=$STUB_STATE
            if [ "$1" = compose ]; then
                [ ! -f "$state/compose_v1_only" ] || { echo "docker: 'compose' is not a docker command." >&2; exit 1; }
                shift
                exec "$(dirname "$0")/docker-compose-answers" "$@"
            fi
            case $1 in
                ps)
                    case "$*" in
                        *notify-service*) echo c0ffee; exit 0 ;;
                        *'{{.Ports}}'*) echo "127.0.0.1:8787->8080/tcp"; for i in 1 2 3 4 5 6; do echo; done; exit 0 ;;
                    esac
                    [ -f "$state/running_tag" ] || exit 0
                    health="(healthy)"
                    if [ -f "$state/unhealthy_tags" ] && grep -qx "$(cat "$state/running_tag")" "$state/unhealthy_tags"; then health="(unhealthy)"; fi
                    for c in postgres llm-router-service doctor-service notify-service soma-sync-service runner-service; do
                        echo "openclaw-hq-$c-1 Up 2 minutes (healthy)"
                    done
                    echo "openclaw-hq-hq-gateway-1 Up 2 minutes $health" ;;
                inspect) echo 172.20.0.5 ;;
            esac
            exit 0
            """;

    static final String CURL = """
            state=$STUB_STATE
            case "$*" in
                *'/q/health/ready'*)
                    [ -f "$state/running_tag" ] || exit 7
                    if [ -f "$state/unhealthy_tags" ] && grep -qx "$(cat "$state/running_tag")" "$state/unhealthy_tags"; then exit 22; fi
                    exit 0 ;;
                *'/alerts'*)
                    [ ! -f "$state/notify_down" ] || exit 7
                    prev=""
                    for a in "$@"; do
                        case $prev in
                            --data-binary) cat "${a#@}" >>"$state/alerts"; echo >>"$state/alerts" ;;
                            -H) case $a in @*) cat "${a#@}" >>"$state/alert_headers" ;; esac ;;
                        esac
                        prev=$a
                    done
                    exit 0 ;;
                *pushover*) echo pushover >>"$state/alerts"; exit 0 ;;
                *'%{http_code}'*) printf 200; exit 0 ;;
            esac
            exit 0
            """;

    static final String TAILSCALE = """
            state=$STUB_STATE
            case "$1 $2" in
                "ip -4") [ ! -f "$state/tailscale_down" ] || exit 1; echo %s ;;
                "up "*) [ -f "$state/authkey_accepted" ] && rm -f "$state/tailscale_down" ;;
                "status --json") printf '{"BackendState":"Running","Self":{"DNSName":"%s.","TailscaleIPs":["%s"]},"Peer":{"x":{"DNSName":"laptop.tail1234.ts.net."}}}\\n' ;;
                "serve status") [ -f "$state/served" ] && echo "https://%s (tailnet only)" && echo "|-- / proxy http://127.0.0.1:8787" ;;
                "serve --bg") touch "$state/served" ;;
            esac
            exit 0
            """.formatted(TAILNET_IP, DNS_NAME, TAILNET_IP, DNS_NAME);

    static final String UFW = """
            state=$STUB_STATE
            rules=$state/ufw_rules
            touch "$rules"
            add() { grep -qxF "$1" "$rules" || echo "$1" >>"$rules"; }
            case "$*" in
                "allow in on tailscale0") add "Anywhere on tailscale0      ALLOW IN    Anywhere" ;;
                "allow 41641/udp") add "41641/udp                  ALLOW IN    Anywhere" ;;
                "default deny incoming") echo "deny (incoming)" >"$state/ufw_default_in" ;;
                "default allow outgoing") echo "allow (outgoing)" >"$state/ufw_default_out" ;;
                "--force enable") touch "$state/ufw_active" ;;
                status*)
                    if [ -f "$state/ufw_active" ]; then echo "Status: active"; else echo "Status: inactive"; exit 0; fi
                    echo "Default: $(cat "$state/ufw_default_in" 2>/dev/null), $(cat "$state/ufw_default_out" 2>/dev/null), disabled (routed)"
                    echo; echo "To                         Action      From"; cat "$rules" ;;
            esac
            exit 0
            """;

    static final String SYSTEMCTL = """
            state=$STUB_STATE
            mkdir -p "$state/enabled" "$state/active"
            case $1 in
                is-enabled) [ -f "$state/enabled/${@: -1}" ] ;;
                is-active) [ -f "$state/active/${@: -1}" ] ;;
                enable)
                    shift; now=0
                    for u in "$@"; do
                        case $u in --now) now=1 ;; *) touch "$state/enabled/$u"; [ $now = 0 ] || touch "$state/active/$u" ;; esac
                    done ;;
                *) exit 0 ;;
            esac
            """;

    static final String SS = """
            state=$STUB_STATE
            if [ -f "$state/listeners" ]; then cat "$state/listeners"; exit 0; fi
            echo 'LISTEN 0 4096 127.0.0.1:8787 0.0.0.0:* users:(("docker-proxy",pid=900,fd=4))'
            echo 'LISTEN 0 128 %s:22 0.0.0.0:* users:(("sshd",pid=700,fd=3))'
            """.formatted(TAILNET_IP);

    /** The operator's ssh, answered by running the remote command on this machine (the test's VPS). */
    static final String SSH = """
            while [ $# -gt 0 ]; do
                case $1 in
                    -o|-i|-p) shift 2 ;;
                    --) shift; break ;;
                    -*) shift ;;
                    *) shift; [ "${1:-}" = -- ] && shift; break ;;
                esac
            done
            [ ! -f "$STUB_STATE/ssh_down" ] || { echo "ssh: connect to host: Connection timed out" >&2; exit 255; }
            exec env -u OPENCLAW_REPO_DIR bash -c "$*"
            """;

    /** rsync SRC/ HOST:DIR/ answered by copying the tree (without .git/config and .env) on this machine. */
    static final String RSYNC = """
            src=${@: -2:1}
            dest=${@: -1}
            dest=${dest#*:}
            mkdir -p "$dest"
            (cd "$src" && tar cf - --exclude=./.git/config --exclude=./.env --exclude=./target .) | (cd "$dest" && tar xf -)
            """;

    static final String APT_GET = "exit 0\n";
}
