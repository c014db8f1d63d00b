#!/usr/bin/env bash
# deletes a tracked file
rm -f src/app.txt
echo "deleted src/app.txt"
