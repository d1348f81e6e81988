#!/usr/bin/env node
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const entry = join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js');
if (!existsSync(entry)) {
  process.stderr.write('eventwire is not built yet: run `npm run build` (or `npm start`) first.\n');
  process.exit(1);
}
require(entry);
