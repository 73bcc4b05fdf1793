#!/usr/bin/env bash
# Lines of hand-written files stay at most 150 characters (docs/architecture.md, .editorconfig).
# Generated files (migrations, compiled models, the SQLite first-start script) and data files
# (resx, json, sql, md, svg, tsv, csv, xml, xsd, txt) are not checked; nor are binary files.
# Prints file:line for each line over the limit; exits 1 if there is any, 2 if the check itself failed.
set -euo pipefail
cd "$(dirname "$0")/.."

limit=150
listed="$(mktemp)"
trap 'rm -f "$listed"' EXIT
# A failing git (not a repository, a checkout owned by another user) stops the check here rather than
# letting it pass on an empty list.
git ls-files -z > "$listed"
mapfile -d '' files < <(grep -z -v -E 'Migrations/|CompiledModels/|\.(resx|json|sql|md|svg|tsv|csv|xml|xsd|txt)$' "$listed")
if [ "${#files[@]}" -eq 0 ]; then
    echo "check-line-length: no files to check" >&2
    exit 2
fi

# Characters, not bytes: GNU grep in a UTF-8 locale counts an Arabic or Chinese letter as one.
status=0
matches="$(LC_ALL=C.UTF-8 grep -I -n -H -E "^.{$((limit + 1))}" -- "${files[@]}")" || status=$?
if [ "$status" -gt 1 ]; then
    echo "check-line-length: grep failed (status $status)" >&2
    exit 2
fi
if [ "$status" -eq 0 ]; then
    printf '%s\n' "$matches" | cut -d: -f1,2
    echo "$(printf '%s\n' "$matches" | wc -l) line(s) over $limit characters." >&2
    exit 1
fi
