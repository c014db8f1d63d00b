#!/usr/bin/env bash
# writes into the read-only tree (root ignores the missing write bit; mutation detection must not)
echo "tampered" >> README.md
echo "wrote README.md"
