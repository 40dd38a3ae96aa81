#!/usr/bin/env bash
# A local PostgreSQL server for the coordinator-on-PostgreSQL test, idempotently:
# installs Debian's server if missing, starts the cluster, makes a role that may create
# databases, and prints the URL to put in ARDOIZ_TEST_POSTGRES_URL. Needs root (or sudo).
set -euo pipefail

ROLE=ardoiz_test
PASSWORD=ardoiz_test
sudo=()
if ((EUID != 0)); then
    command -v sudo >/dev/null || { echo "postgres: need root or sudo" >&2; exit 1; }
    sudo=(sudo)
fi
if ! dpkg-query -W -f='${db:Status-Status}' postgresql 2>/dev/null | grep -q '^installed$'; then
    echo "postgres: installing the server" >&2
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
read -r version cluster _ < <(pg_lsclusters -h | head -n 1)
if [[ -z "${version:-}" ]]; then
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    cluster=main
    "${sudo[@]}" pg_createcluster "$version" "$cluster" >&2
fi
"${sudo[@]}" pg_ctlcluster "$version" "$cluster" start >/dev/null 2>&1 || true
as_postgres() {
    if ((EUID == 0)); then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}
for _ in $(seq 1 30); do
    as_postgres psql -qtAc "SELECT 1" >/dev/null 2>&1 && break
    sleep 0.5
done
as_postgres psql -qtAc \
    "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN
       CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD'; END IF; END \$\$;" >&2
echo "postgresql+psycopg://$ROLE:$PASSWORD@localhost/postgres"
