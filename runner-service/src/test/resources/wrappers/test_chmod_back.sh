#!/usr/bin/env bash
# makes the tree writable again, then changes a file
chmod -R u+w .
echo "tampered" > src/app.txt
echo "chmodded back and wrote src/app.txt"
