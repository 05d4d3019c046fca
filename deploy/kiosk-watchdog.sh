#!/bin/sh
# Restarts the kiosk when its heartbeat is older than MAX_AGE seconds.
#
# The contract with the kiosk:
#   - file:    /opt/kiosk/data/heartbeat (HEARTBEAT below)
#   - content: the RFC 3339 time of the last beat, e.g. 2026-11-23T17:45:00Z,
#              on one line
#   - the kiosk rewrites it at least every 60 seconds while it runs
#
# Run every minute by kiosk-watchdog.timer. A kiosk that is stopped on
# purpose (systemctl stop kiosk) is left alone; one that has only just
# started is given MAX_AGE seconds to write its first beat.
set -eu

UNIT=${UNIT:-kiosk.service}
HEARTBEAT=${HEARTBEAT:-/opt/kiosk/data/heartbeat}
MAX_AGE=${MAX_AGE:-180}

if ! systemctl is-active --quiet "$UNIT"; then
    exit 0
fi

now=$(date +%s)
started=$(systemctl show --timestamp=unix --property=ActiveEnterTimestamp --value "$UNIT" | tr -d '@')
case $started in
    ''|*[!0-9]*) started=$now ;;
esac

# The time written in the file; failing that, the file's own modification
# time; failing that (no beat yet), the moment the kiosk started.
beat=""
if [ -f "$HEARTBEAT" ]; then
    beat=$(date -d "$(head -c 64 "$HEARTBEAT")" +%s 2>/dev/null || true)
    if [ -z "$beat" ]; then
        echo "kiosk-watchdog: $HEARTBEAT does not hold an RFC 3339 time; using its modification time"
        beat=$(stat -c %Y "$HEARTBEAT")
    fi
fi
# A beat from before this start says nothing about this run.
if [ -z "$beat" ] || [ "$beat" -lt "$started" ]; then
    beat=$started
fi

age=$((now - beat))
if [ "$age" -gt "$MAX_AGE" ]; then
    echo "kiosk-watchdog: no heartbeat for ${age}s (limit ${MAX_AGE}s); restarting $UNIT"
    systemctl restart "$UNIT"
fi
