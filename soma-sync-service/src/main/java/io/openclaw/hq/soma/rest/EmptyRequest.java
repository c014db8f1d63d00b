package io.openclaw.hq.soma.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** POST /soma/harvest and /soma/mirror take no fields; any field sent is refused by name. */
@RegisterForReflection
public record EmptyRequest() {
}
