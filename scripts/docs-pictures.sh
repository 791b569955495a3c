#!/usr/bin/env bash
# The README's pictures of the year-end documents: run the demo, render page 1 of each .docx with
# LibreOffice (Writer) to PDF, then to a small PNG with pdftoppm (poppler-utils) into docs/img/.
# Needs: libreoffice-writer-nogui, poppler-utils, fonts-liberation2 (Times New Roman's metrics).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
node bin/thidua.js demo -o "$tmp/demo" >/dev/null
soffice "-env:UserInstallation=file://$tmp/profile" --headless --norestore --convert-to pdf --outdir "$tmp/pdf" "$tmp"/demo/van-ban/*.docx >/dev/null
mkdir -p docs/img
for f in "$tmp"/pdf/*.pdf; do
  pdftoppm -r 50 -png -f 1 -l 1 -singlefile "$f" "docs/img/$(basename "$f" .pdf)"
done
ls -l docs/img
