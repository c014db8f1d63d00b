#!/usr/bin/env bash
# prints the names and values of its whole environment, one per line, into the output and a file
set -euo pipefail
env | sort | tee "$ARTIFACT_DIR/env.txt"
