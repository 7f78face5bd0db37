#!/usr/bin/env bash
# Back up the chamber site: the PostgreSQL database (pg_dump, custom format) and the
# uploaded media (a tar archive), with the row counts of the main tables so that a
# restore can be checked. Run it daily (deploy/systemd/chamber-backup.timer) as the
# site's user, with the site's environment file:
#
#   set -a; . /etc/chamber/chamber.env; set +a
#   deploy/backup/backup.sh /var/backups/chamber
#
# Reads DATABASE_URL, DJANGO_MEDIA_ROOT and DJANGO_PRIVATE_MEDIA_ROOT; keeps BACKUP_KEEP_DAYS days (default 14).
# Media on object storage (DJANGO_STORAGE_URL) are not archived here: turn on the
# bucket's versioning or copy it with rclone (see the README).
set -euo pipefail

target="${1:?usage: backup.sh BACKUP_DIRECTORY}"
: "${DATABASE_URL:?DATABASE_URL must be set (postgres://...)}"
keep_days="${BACKUP_KEEP_DAYS:-14}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"

mkdir -p "$target"
umask 077

# Registrations hold personal data: the files are readable by the site's user only.
pg_dump --format=custom --no-owner --no-privileges --file "$target/db-$stamp.dump.partial" "$DATABASE_URL"
mv "$target/db-$stamp.dump.partial" "$target/db-$stamp.dump"

# The row counts at the time of the dump, read back by restore-check.sh.
for table in news_article chamber_organisation chamber_agreement events_fair events_delegation events_registration; do
    printf '%s %s\n' "$table" "$(psql "$DATABASE_URL" -Atc "SELECT count(*) FROM $table")"
done > "$target/db-$stamp.counts"

if [ -n "${DJANGO_MEDIA_ROOT:-}" ] && [ -d "$DJANGO_MEDIA_ROOT" ]; then
    tar -C "$DJANGO_MEDIA_ROOT" -czf "$target/media-$stamp.tar.gz.partial" .
    mv "$target/media-$stamp.tar.gz.partial" "$target/media-$stamp.tar.gz"
fi

# Private files (registration attachments), when they are on disk.
if [ -n "${DJANGO_PRIVATE_MEDIA_ROOT:-}" ] && [ -d "$DJANGO_PRIVATE_MEDIA_ROOT" ]; then
    tar -C "$DJANGO_PRIVATE_MEDIA_ROOT" -czf "$target/private-$stamp.tar.gz.partial" .
    mv "$target/private-$stamp.tar.gz.partial" "$target/private-$stamp.tar.gz"
fi

(cd "$target" && sha256sum ./*-"$stamp".* > "SHA256SUMS-$stamp")

find "$target" -maxdepth 1 -type f \( -name 'db-*' -o -name 'media-*' -o -name 'private-*' -o -name 'SHA256SUMS-*' \) \
    -mtime +"$keep_days" -delete

echo "backup $stamp written to $target"
