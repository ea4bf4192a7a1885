#!/usr/bin/env bash
# Regenerates docs/screenshots/ from the real output: prints the example notice and outline to
# PDF with headless Chromium and renders pages to PNG with pdftoppm (poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for name in notice outline; do
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$work/$name.pdf" "file://$PWD/output/$name.html" 2>/dev/null
done
pages=$(pdfinfo "$work/notice.pdf" | awk '/^Pages:/ {print $2}')
pdftoppm -r 60 -png -f 1 -l 1 -singlefile "$work/notice.pdf" docs/screenshots/notice-page1
pdftoppm -r 60 -png -f "$pages" -l "$pages" -singlefile "$work/notice.pdf" docs/screenshots/notice-attachment
pdftoppm -r 60 -png -f 1 -l 1 -singlefile "$work/outline.pdf" docs/screenshots/outline-page1
ls -l docs/screenshots

# The same pages of the Word files, as LibreOffice prints them (libreoffice-writer-nogui; the
# standard's fonts mapped to free ones by scripts/fontconfig/gbt9704-fonts.conf).
FONTCONFIG_FILE="$PWD/scripts/fontconfig/gbt9704-fonts.conf" HOME="$work" soffice \
  -env:UserInstallation="file://$work/lo-profile" --headless --norestore \
  --convert-to pdf --outdir "$work/docx" output/notice.docx output/outline.docx >/dev/null 2>&1
pages=$(pdfinfo "$work/docx/notice.pdf" | awk '/^Pages:/ {print $2}')
pdftoppm -r 60 -png -f 1 -l 1 -singlefile "$work/docx/notice.pdf" docs/screenshots/notice-docx-page1
pdftoppm -r 60 -png -f "$pages" -l "$pages" -singlefile "$work/docx/notice.pdf" docs/screenshots/notice-docx-attachment
pdftoppm -r 60 -png -f 1 -l 1 -singlefile "$work/docx/outline.pdf" docs/screenshots/outline-docx-page1
ls -l docs/screenshots
