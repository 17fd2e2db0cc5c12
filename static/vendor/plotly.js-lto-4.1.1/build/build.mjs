// Builds plotly-lto.min.js: plotly.js core plus the scatter, scatterpolar and box
// traces (entry.js), minified with esbuild using the settings of plotly.js's own
// esbuild-config.js, and with the "compress attributes" step of plotly.js's dist
// build. Usage: node build.mjs [outfile]   (default: plotly-lto.min.js)
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { parse } from 'acorn';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const outfile = process.argv[2] || 'plotly-lto.min.js';
const { version } = require('plotly.js/package.json');
const plotlySrc = path.dirname(require.resolve('plotly.js/package.json')) + path.sep;

// Fixed, not the current year, so that a rebuild gives the same bytes.
const COPYRIGHT_YEAR = 2026;
const banner = [
    '/**',
    `* plotly.js (lto: scatter, scatterpolar, box - minified) v${version}`,
    `* Copyright 2012-${COPYRIGHT_YEAR}, Plotly, Inc.`,
    '* All rights reserved.',
    '* Licensed under the MIT license',
    '*/'
].join('\n');

// The attribute documentation that plotly.js's dist bundles leave out; only
// Plotly.PlotSchema.get() reads it.
const META_KEYS = new Set(['description', 'hrName', 'requiredOpts', 'otherOpts']);

// A value is removed only when it is built from literals, names and operators, and
// calls whose arguments are all literals (`[...].join(' ')`, `describe('x')`): the
// values plotly.js's own regular expressions strip. A value with any other call
// (one that is passed a variable, an object or a call) is left alone.
function isInert(node) {
    if (node === null || typeof node !== 'object') return true;
    if (Array.isArray(node)) return node.every(isInert);
    switch (node.type) {
        case 'CallExpression':
            return node.arguments.every((a) => a.type === 'Literal') && isInert(node.callee);
        case 'NewExpression':
        case 'TaggedTemplateExpression':
        case 'FunctionExpression':
        case 'ArrowFunctionExpression':
        case 'AssignmentExpression':
        case 'UpdateExpression':
        case 'AwaitExpression':
        case 'YieldExpression':
            return false;
    }
    for (const key of Object.keys(node)) {
        if (key === 'type' || key === 'start' || key === 'end') continue;
        if (!isInert(node[key])) return false;
    }
    return true;
}

// [start, end) ranges of `key: value` properties to cut out of object literals.
function metaProperties(ast, source) {
    const ranges = [];
    (function walk(node) {
        if (node === null || typeof node !== 'object') return;
        if (Array.isArray(node)) { node.forEach(walk); return; }
        if (node.type === 'ObjectExpression') {
            for (const prop of node.properties) {
                if (prop.type === 'Property' && !prop.computed && !prop.shorthand &&
                    prop.kind === 'init' && !prop.method &&
                    META_KEYS.has(prop.key.type === 'Identifier' ? prop.key.name : prop.key.value) &&
                    isInert(prop.value)) {
                    // Take the comma after the property with it, when there is one.
                    let end = prop.end;
                    const m = /^\s*(\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*,/.exec(source.slice(end));
                    if (m) end += m[0].length;
                    ranges.push([prop.start, end]);
                }
            }
        }
        for (const key of Object.keys(node)) {
            if (key !== 'type' && key !== 'start' && key !== 'end') walk(node[key]);
        }
    })(ast);
    return ranges;
}

const compressAttributes = {
    name: 'compress-attributes',
    setup(b) {
        b.onLoad({ filter: /\.js$/ }, async (args) => {
            if (!args.path.startsWith(plotlySrc)) return undefined;
            let source = await readFile(args.path, 'utf8');
            const ast = parse(source, { ecmaVersion: 'latest', sourceType: 'script', allowHashBang: true });
            const ranges = metaProperties(ast, source).sort((a, b) => b[0] - a[0]);
            for (const [start, end] of ranges) source = source.slice(0, start) + source.slice(end);
            return { contents: source, loader: 'js' };
        });
    }
};

await build({
    entryPoints: [fileURLToPath(new URL('entry.js', import.meta.url))],
    outfile,
    // plotly.js's esbuild-config.js
    format: 'iife',
    globalName: 'Plotly',
    bundle: true,
    target: 'es2016',
    alias: { regl: '@plotly/regl', stream: 'stream-browserify' },
    define: { global: 'window', 'define.amd': 'false', 'process.env.NODE_DEBUG': 'false' },
    // plotly.js's dist build: minified, no source map, attributes compressed.
    minify: true,
    sourcemap: false,
    legalComments: 'eof',
    // maplibre-gl's stylesheet, required only for map subplots, which this bundle
    // leaves out: an empty module instead of a .css file beside the bundle.
    loader: { '.css': 'empty' },
    banner: { js: banner },
    plugins: [compressAttributes],
    logLevel: 'info'
});
