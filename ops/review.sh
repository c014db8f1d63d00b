# shellcheck shell=bash
# ./hq review|hooks|ship: the review-gated delivery workflow (docs/REVIEW_WORKFLOW.md).
# Sourced by ./hq, which provides ROOT, SECRETS_DIR, say, fail and find_java. The work is done by the
# delivery module's jar, built here when it is missing or older than its sources; the internal
# token is read by the jar from .hq/secrets, never passed as an argument.

DELIVERY_JAR="$ROOT/delivery/target/delivery.jar"

delivery_jar_current() {
  [[ -f $DELIVERY_JAR && -d $ROOT/delivery/target/lib ]] || return 1
  # the jar also carries the router's verdict schema, so a newer schema means a rebuild too
  [[ -z $(find "$ROOT/delivery/src/main" "$ROOT/delivery/pom.xml" \
    "$ROOT/llm-router-service/src/main/resources/schemas" -newer "$DELIVERY_JAR" -print -quit 2>/dev/null) ]]
}

build_delivery() {
  delivery_jar_current && return 0
  say "building the delivery tool (./mvnw -q -DskipTests package -pl delivery -am)" >&2
  (cd "$ROOT" && ./mvnw -q -DskipTests package -pl delivery -am) >&2 \
    || fail "the delivery tool did not build; see the Maven output above."
}

# cmd_review FAMILY ARGS...: FAMILY is review, hooks or ship, as typed after ./hq.
cmd_review() {
  local family=$1
  shift
  find_java
  build_delivery
  exec "$JAVA" -jar "$DELIVERY_JAR" "$family" "$@" --repo "$ROOT" --hq-root "$ROOT" --secrets-dir "$SECRETS_DIR"
}
