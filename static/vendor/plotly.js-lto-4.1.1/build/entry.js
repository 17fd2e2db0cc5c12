'use strict';

// plotly.js's "modules" route: the core, then only the trace types LTO Review draws.
// To add a trace type, add its require('plotly.js/lib/<type>') here and rebuild.
var Plotly = require('plotly.js/lib/core');

Plotly.register([
    require('plotly.js/lib/scatter'),
    require('plotly.js/lib/scatterpolar'),
    require('plotly.js/lib/box')
]);

module.exports = Plotly;
