#!/bin/sh
# One backup of the bridge's databases into BACKUP_DIR/<date-time>, then the backups older than
# BACKUP_KEEP_DAYS removed (only folders this tool made: they hold a manifest.json). Run by
# reception-backup.service with the bridge's settings; DATA_DIR and SITE_DIR come from there.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
prefix="$(cd "$here/../../.." && pwd)"
dir="${BACKUP_DIR:-/var/backups/reception}"
keep="${BACKUP_KEEP_DAYS:-30}"
case "$keep" in '' | *[!0-9]*) echo "backup.sh: BACKUP_KEEP_DAYS must be a number of days, not '$keep'" >&2; exit 2 ;; esac
umask 077
mkdir -p "$dir"
out="$dir/$(date +%Y-%m-%d-%H%M%S)"
node "$prefix/node_modules/tsx/dist/cli.mjs" "$prefix/apps/robot-bridge/src/admin/admin-cli.ts" backup --out "$out"
# Prune only after a backup succeeded, and never the one just made.
find "$dir" -mindepth 1 -maxdepth 1 -type d -mtime "+$keep" ! -path "$out" | while read -r old; do
  if [ -f "$old/manifest.json" ]; then
    rm -r "$old"
    echo "backup.sh: removed $old (older than $keep days)" >&2
  fi
done
