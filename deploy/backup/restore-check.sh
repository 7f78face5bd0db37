#!/usr/bin/env bash
# Check that a backup restores: load the newest dump of BACKUP_DIRECTORY (or the one
# named by STAMP) into a scratch database, check its schema against the code's
# migrations and its row counts against those recorded at backup time, and check that
# the media archive is whole and holds every file the database names. The live
# database is never touched. Run it after each backup, or weekly:
#
#   set -a; . /etc/chamber/chamber.env; set +a
#   deploy/backup/restore-check.sh /var/backups/chamber
#
# Needs DATABASE_URL (only its server and credentials are used: the scratch database,
# RESTORE_DATABASE, default chamber_restore_check, is created beside it and dropped).
# To restore for real, see "Backups" in the README.
set -euo pipefail
cd "$(dirname "$0")/../.."

source_dir="${1:?usage: restore-check.sh BACKUP_DIRECTORY}"
: "${DATABASE_URL:?DATABASE_URL must be set (postgres://...)}"
scratch="${RESTORE_DATABASE:-chamber_restore_check}"
python="${PYTHON:-.venv/bin/python}"

if [ -n "${STAMP:-}" ]; then
    dump="$source_dir/db-$STAMP.dump"
else
    dump="$(ls -1 "$source_dir"/db-*.dump 2>/dev/null | sort | tail -n 1)"
fi
[ -f "$dump" ] || { echo "no dump found in $source_dir" >&2; exit 1; }
stamp="$(basename "$dump" .dump)"
stamp="${stamp#db-}"
echo "checking backup $stamp"

(cd "$source_dir" && sha256sum --check --quiet "SHA256SUMS-$stamp")

server_url="${DATABASE_URL%/*}"
scratch_url="$server_url/$scratch"
psql "$server_url/postgres" -qAtc "DROP DATABASE IF EXISTS \"$scratch\"" >/dev/null
psql "$server_url/postgres" -qAtc "CREATE DATABASE \"$scratch\"" >/dev/null
trap 'psql "$server_url/postgres" -qAtc "DROP DATABASE IF EXISTS \"$scratch\"" >/dev/null' EXIT

pg_restore --no-owner --no-privileges --exit-on-error --dbname "$scratch_url" "$dump"

# Every migration of the code is applied in the backup (or the code is older than it).
DATABASE_URL="$scratch_url" "$python" manage.py migrate --check --noinput >/dev/null

failed=0
while read -r table expected; do
    actual="$(psql "$scratch_url" -Atc "SELECT count(*) FROM $table")"
    if [ "$actual" != "$expected" ]; then
        echo "$table: $actual rows restored, $expected at backup time" >&2
        failed=1
    else
        echo "$table: $actual rows"
    fi
done < "$source_dir/db-$stamp.counts"

media="$source_dir/media-$stamp.tar.gz"
if [ -f "$media" ]; then
    listing="$(mktemp)"
    tar -tzf "$media" | sed 's|^\./||' | sort > "$listing"
    echo "media: $(grep -vc '/$' "$listing" || true) files"
    # Every image and logo the database names is in the archive.
    missing="$(
        psql "$scratch_url" -Atc "SELECT image FROM news_article WHERE image <> ''
                                  UNION SELECT logo FROM chamber_organisation WHERE logo <> ''" |
            sort | comm -23 - "$listing"
    )"
    rm -f "$listing"
    if [ -n "$missing" ]; then
        echo "files named by the database but missing from the media archive:" >&2
        echo "$missing" >&2
        failed=1
    fi
fi

if [ "$failed" -ne 0 ]; then
    echo "backup $stamp does NOT restore cleanly" >&2
    exit 1
fi
echo "backup $stamp restores cleanly"
