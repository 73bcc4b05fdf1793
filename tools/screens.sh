#!/bin/sh
# Regenerates the screenshots in docs/screens/: Entraide started with --demo on SQLite in a temporary data folder,
# its main pages in English and Arabic at 1280 px, taken by Debian's Chromium (/usr/bin/chromium) through the
# browser test category "Screens" (tests/Entraide.Browser.Tests/Web/ScreensBrowserTests.cs).
set -eu
cd "$(dirname "$0")/.."
export ENTRAIDE_SCREENS_DIR="$PWD/docs/screens"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$ENTRAIDE_SCREENS_DIR"
rm -f "$ENTRAIDE_SCREENS_DIR"/*.png
dotnet test tests/Entraide.Browser.Tests --filter "Category=Screens" -nologo -v quiet
ls -l "$ENTRAIDE_SCREENS_DIR"
