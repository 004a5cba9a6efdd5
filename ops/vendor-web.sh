#!/usr/bin/env bash
# Re-fetches the dashboard's browser libraries from npm at the exact versions the pages are written
# against and copies their distribution files and licences into src/SnowOps.Status/Web/vendor.
# Nothing is fetched at run time; the files are committed.
#
# Usage: ops/vendor-web.sh
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENDOR=$REPO/src/SnowOps.Status/Web/vendor
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

unpack() { # package@version folder
    (cd "$WORK" && npm pack --silent "$1" >/dev/null)
    mkdir -p "$WORK/$2"
    tar xzf "$WORK"/*.tgz -C "$WORK/$2"
    rm "$WORK"/*.tgz
}

unpack leaflet@1.9.4 leaflet
unpack chart.js@4.6.1 chartjs
unpack @microsoft/signalr@10.0.11 signalr

rm -rf "$VENDOR"
mkdir -p "$VENDOR/leaflet/images" "$VENDOR/chartjs" "$VENDOR/signalr"

cp "$WORK/leaflet/package/dist/leaflet.js" "$WORK/leaflet/package/dist/leaflet.css" "$VENDOR/leaflet/"
cp "$WORK/leaflet/package/dist/images/"*.png "$VENDOR/leaflet/images/"
cp "$WORK/leaflet/package/LICENSE" "$VENDOR/leaflet/LICENSE"

cp "$WORK/chartjs/package/dist/chart.umd.min.js" "$VENDOR/chartjs/chart.umd.min.js"
cp "$WORK/chartjs/package/LICENSE.md" "$VENDOR/chartjs/LICENSE.md"

cp "$WORK/signalr/package/dist/browser/signalr.min.js" "$VENDOR/signalr/signalr.min.js"
# The package ships no licence file; its package.json says MIT, held by the .NET Foundation.
cat > "$VENDOR/signalr/LICENSE.txt" <<'MIT'
The MIT License (MIT)

Copyright (c) .NET Foundation and Contributors

All rights reserved.

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
MIT

cat > "$VENDOR/VERSIONS" <<'V'
leaflet 1.9.4 (BSD-2-Clause)
chart.js 4.6.1 (MIT)
@microsoft/signalr 10.0.11 (MIT)
V
echo "vendored into $VENDOR"
