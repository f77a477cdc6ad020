#!/bin/sh
# Gives each service role the password compose passes in (roles and schemas come from 10-lectern.sql).
set -eu
for s in identity content learning ai billing notify; do
  var=$(echo "${s}_DB_PASSWORD" | tr '[:lower:]' '[:upper:]')
  pw=$(eval "printf '%s' \"\${$var:-}\"")
  [ -n "$pw" ] || { echo "missing $var" >&2; exit 1; }
  psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" -v role="lectern_$s" -v pw="$pw" \
    -c "ALTER ROLE :\"role\" PASSWORD :'pw'" >/dev/null
done
