#!/usr/bin/env bash
# reports what the runner set up: hooksPath and a clean tree
set -euo pipefail
echo "hooksPath=$(git config core.hooksPath || echo unset)"
echo "status=[$(git --no-optional-locks status --porcelain)]"
