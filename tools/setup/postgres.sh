#!/usr/bin/env bash
# Makes a local PostgreSQL server ready for the results-store specs (tests/OranTestbed.Results.Tests), Debian 12:
#   1. installs the `postgresql` package with apt when missing (root or sudo needed only then);
#   2. starts the first cluster (pg_ctlcluster; `service postgresql start` as a fall-back);
#   3. creates the login role and database `oran_testbed_test` (password `oran_testbed_test`) when missing;
#   4. prints the connection string and writes it to tools/setup/.postgres-connection (read by the specs unless the
#      environment variable ORAN_TESTBED_POSTGRES is set).
# Idempotent: a second run changes nothing. The specs use a schema of their own per test inside that database.
set -euo pipefail
cd "$(dirname "$0")"

name=oran_testbed_test
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "[postgres] need root or sudo" >&2; exit 1; }
  sudo_cmd=(sudo)
fi

if ! dpkg-query -W -f='${Status}' postgresql 2>/dev/null | grep -q "install ok installed"; then
  echo "[postgres] installing postgresql with apt"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi

# The first cluster Debian made (e.g. "15 main"); create one if the package left none.
read -r version cluster port status _ < <(pg_lsclusters --no-header | head -n1) || true
if [ -z "${version:-}" ]; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n1)
  "${sudo_cmd[@]}" pg_createcluster "$version" main >/dev/null
  read -r version cluster port status _ < <(pg_lsclusters --no-header | head -n1)
fi
if [ "$status" != "online" ]; then
  echo "[postgres] starting cluster $version/$cluster"
  "${sudo_cmd[@]}" pg_ctlcluster "$version" "$cluster" start || "${sudo_cmd[@]}" service postgresql start
fi
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}
for _ in $(seq 1 30); do
  as_postgres pg_isready -q -p "$port" && break
  sleep 1
done
psql_as_postgres() { as_postgres psql -p "$port" -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ "$(psql_as_postgres -c "SELECT 1 FROM pg_roles WHERE rolname = '$name'")" != "1" ]; then
  psql_as_postgres -c "CREATE ROLE $name LOGIN PASSWORD '$name'"
  echo "[postgres] created role $name"
fi
if [ "$(psql_as_postgres -c "SELECT 1 FROM pg_database WHERE datname = '$name'")" != "1" ]; then
  psql_as_postgres -c "CREATE DATABASE $name OWNER $name"
  echo "[postgres] created database $name"
fi

connection="Host=127.0.0.1;Port=$port;Database=$name;Username=$name;Password=$name"
echo "$connection" > .postgres-connection
echo "[postgres] ready: $connection"
