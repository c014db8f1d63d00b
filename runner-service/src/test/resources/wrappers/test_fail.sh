#!/usr/bin/env bash
echo "about to fail"
exit 3
