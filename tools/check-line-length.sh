#!/usr/bin/env bash
# Lines of hand-written files stay at most 150 characters (docs/architecture.md, .editorconfig).
# Generated files (migrations, compiled models, the SQLite first-start script) and data files
# (resx, json, sql, md, svg, tsv, csv, xml, xsd, txt) are not checked.
# Prints file:line for each line over the limit; exits 1 if there is any.
set -euo pipefail
cd "$(dirname "$0")/.."

limit=150
# Counted in bytes (LC_ALL=C), the same with every awk; for non-ASCII text that is stricter than characters.
offenders="$(git ls-files -z \
  | grep -z -v -E 'Migrations/|CompiledModels/|\.(resx|json|sql|md|svg|tsv|csv|xml|xsd|txt)$' \
  | LC_ALL=C xargs -0 -r awk -v limit="$limit" 'length > limit { print FILENAME ":" FNR }')"

if [ -n "$offenders" ]; then
    printf '%s\n' "$offenders"
    echo "$(printf '%s\n' "$offenders" | wc -l) line(s) over $limit characters." >&2
    exit 1
fi
