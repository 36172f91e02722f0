// SPDX-License-Identifier: GPL-3.0-or-later
// Builds the page: node build.mjs OUTDIR -> OUTDIR/index.html, app.js, app.css (offline, no CDN).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] || join(here, "dist"));
mkdirSync(out, { recursive: true });

// Packages come from web/node_modules (npm ci here) or from NODE_PATH (CMake's npm ci in the build tree).
const nodePaths = (process.env.NODE_PATH || "").split(":").filter(Boolean);
const require = createRequire(join(here, "package.json"));
const find = (name) => require.resolve(name, { paths: [here, ...nodePaths] });
const { build } = require(find("esbuild"));
const maplibreCss = find("maplibre-gl/dist/maplibre-gl.css");

await build({
  entryPoints: [join(here, "src", "main.js")],
  bundle: true,
  format: "iife",
  target: ["es2020", "chrome100", "firefox100", "safari15"],
  minify: true,
  sourcemap: false,
  legalComments: "eof",
  nodePaths,
  outfile: join(out, "app.js"),
  logLevel: "warning",
});

// app.css: maplibre's rules, then ours.
const css = readFileSync(maplibreCss, "utf8") + "\n" + readFileSync(join(here, "src", "style.css"), "utf8");
writeFileSync(join(out, "app.css"), css.replace(/\/\*# sourceMappingURL=[^*]*\*\//g, ""));
copyFileSync(join(here, "src", "index.html"), join(out, "index.html"));
