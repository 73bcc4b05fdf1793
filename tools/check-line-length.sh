#!/usr/bin/env bash
# Lines of hand-written files stay at most 150 characters (docs/architecture.md, .editorconfig).
# Generated files (migrations, compiled models, the SQLite first-start script) and data files
# (resx, json, sql, md, svg, tsv, csv, xml, xsd, txt) are not checked; nor are binary files.
# Prints file:line for each line over the limit; exits 1 if there is any.
set -euo pipefail
cd "$(dirname "$0")/.."

limit=150
# Characters, not bytes: GNU grep in a UTF-8 locale counts an Arabic or Chinese letter as one.
offenders="$(git ls-files -z \
  | grep -z -v -E 'Migrations/|CompiledModels/|\.(resx|json|sql|md|svg|tsv|csv|xml|xsd|txt)$' \
  | LC_ALL=C.UTF-8 xargs -0 -r grep -I -n -H -E "^.{$((limit + 1))}" \
  | cut -d: -f1,2 || true)"

if [ -n "$offenders" ]; then
    printf '%s\n' "$offenders"
    echo "$(printf '%s\n' "$offenders" | wc -l) line(s) over $limit characters." >&2
    exit 1
fi
