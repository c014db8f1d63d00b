#!/usr/bin/env bash
# makes the tree writable again without changing any content
chmod -R u+w .
echo "chmodded back"
