#!/usr/bin/env bash
# leaves a child and a grandchild behind, notes their pids, then outlives its timeout; ignores SIGTERM
# so only the SIGKILL after the grace period ends it
trap '' TERM
sleep 300 &
echo "child $!" | tee -a "$ARTIFACT_DIR/pids.txt"
bash -c 'trap "" TERM; sleep 300 & echo "grandchild $!"; wait' | tee -a "$ARTIFACT_DIR/pids.txt" &
sleep 1
echo "waiting"
while true; do sleep 1; done
