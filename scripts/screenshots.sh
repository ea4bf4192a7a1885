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
# The notice's last two pages: 附件1 (the task table), 附件2 (the chart).
pdftoppm -r 60 -png -f $((pages - 1)) -l $((pages - 1)) -singlefile "$work/notice.pdf" docs/screenshots/notice-attachment
pdftoppm -r 60 -png -f "$pages" -l "$pages" -singlefile "$work/notice.pdf" docs/screenshots/notice-chart
pdftoppm -r 60 -png -f 1 -l 1 -singlefile "$work/outline.pdf" docs/screenshots/outline-page1
pdftoppm -r 60 -png -f 2 -l 2 -singlefile "$work/outline.pdf" docs/screenshots/outline-page2

# A chart of each type (docs/chart-gallery.md, the example's data), as Chromium prints them.
# HUIWEN names a huiwen binary to use (one built with its own scratch folder); else swift run.
if [ -n "${HUIWEN:-}" ]; then "$HUIWEN" render docs/chart-gallery.md -o "$work/gallery.html"
else swift run -c release huiwen render docs/chart-gallery.md -o "$work/gallery.html" >/dev/null; fi
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
  --print-to-pdf="$work/gallery.pdf" "file://$work/gallery.html" 2>/dev/null
for page in 1 2 3; do
  pdftoppm -r 80 -png -f "$page" -l "$page" -singlefile "$work/gallery.pdf" "docs/screenshots/charts-$page"
done
ls -l docs/screenshots

# The same pages of the Word files, as LibreOffice prints them (libreoffice-writer-nogui; the
# standard's fonts mapped to free ones by scripts/fontconfig/gbt9704-fonts.conf).
FONTCONFIG_FILE="$PWD/scripts/fontconfig/gbt9704-fonts.conf" HOME="$work" soffice \
  -env:UserInstallation="file://$work/lo-profile" --headless --norestore \
  --convert-to pdf --outdir "$work/docx" output/notice.docx output/outline.docx >/dev/null 2>&1
pages=$(pdfinfo "$work/docx/notice.pdf" | awk '/^Pages:/ {print $2}')
pdftoppm -r 60 -png -f 1 -l 1 -singlefile "$work/docx/notice.pdf" docs/screenshots/notice-docx-page1
pdftoppm -r 60 -png -f $((pages - 1)) -l $((pages - 1)) -singlefile "$work/docx/notice.pdf" docs/screenshots/notice-docx-attachment
pdftoppm -r 60 -png -f "$pages" -l "$pages" -singlefile "$work/docx/notice.pdf" docs/screenshots/notice-docx-chart
pdftoppm -r 60 -png -f 1 -l 1 -singlefile "$work/docx/outline.pdf" docs/screenshots/outline-docx-page1
pdftoppm -r 60 -png -f 2 -l 2 -singlefile "$work/docx/outline.pdf" docs/screenshots/outline-docx-page2
ls -l docs/screenshots
