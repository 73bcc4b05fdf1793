#!/usr/bin/env bash
# Run after a change to the database model (an entity or its configuration). Regenerates, for both
# providers, the migrations and the compiled models the server starts from, and the SQLite schema
# script a first start applies to an empty database.
#
#   tools/model-changed.sh              rebuild each provider's single Initial migration (until production)
#   tools/model-changed.sh --add Name   add a migration Name instead (once a database must be upgraded)
#
# CompiledModelTests and SqliteSchemaTests fail while any of the three is stale.
set -euo pipefail
cd "$(dirname "$0")/.."

APP=src/Entraide.App
PERSISTENCE=Infrastructure/Persistence
MIGRATIONS=$APP/$PERSISTENCE/Migrations
name=Initial
squash=1
if [[ "${1:-}" == "--add" ]]; then
  [[ -n "${2:-}" ]] || { echo "usage: $0 [--add MigrationName]" >&2; exit 2; }
  name=$2
  squash=0
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null

# The stale compiled models need not compile: build without them (and without the old migrations when squashing).
build() { dotnet build "$APP" -p:EntraideWithoutCompiledModels=true -v quiet -nologo -clp:ErrorsOnly; }

if [[ $squash == 1 ]]; then
  find "$MIGRATIONS/Sqlite" "$MIGRATIONS/Postgres" -name '*.cs' -delete
fi
build
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --no-build --project "$APP" --context "${provider}EntraideDbContext" \
    --output-dir "$PERSISTENCE/Migrations/$provider" >/dev/null
done

build
for provider in Sqlite Postgres; do
  rm -rf "$APP/$PERSISTENCE/CompiledModels/$provider"
  dotnet ef dbcontext optimize --no-build --project "$APP" --context "${provider}EntraideDbContext" \
    --output-dir "$PERSISTENCE/CompiledModels/$provider" \
    --namespace "Entraide.App.Infrastructure.Persistence.CompiledModels.$provider" >/dev/null
done
dotnet ef migrations script --no-build --no-transactions --project "$APP" --context SqliteEntraideDbContext \
  -o "$MIGRATIONS/Sqlite/schema.sql" >/dev/null

# The normal build, with the new compiled models.
dotnet build "$APP" -v quiet -nologo -clp:ErrorsOnly
echo "Regenerated: migrations ($name), compiled models and the SQLite schema script, for SQLite and PostgreSQL."
