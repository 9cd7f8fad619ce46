#!/usr/bin/env node
// Checks NACHA files with an independent parser, @midlandsbank/node-nacha (a fork of @ach/ach).
// That package parses each record by the field widths of its own layout tables and can recompute
// controls from the parsed entries (lib/api/calculate.js), but validates nothing by itself (its
// validate() is a stub). So this script:
//   1. parses the file with the package,
//   2. recomputes every batch control and the file control with the package's calculate(),
//   3. formats the parsed file again with the package's formatter,
// and reports as errors: control fields that differ from the recomputed ones, records that do not
// come back character for character from the package's layout, and what the package cannot
// check itself (94-character records, a multiple of ten lines, nines as padding).
// Usage: node check.js FILE... ; prints one JSON object per file, one per line.
'use strict';
const fs = require('fs');
const nacha = require('@midlandsbank/node-nacha');
const calculate = require('@midlandsbank/node-nacha/lib/api/calculate');

const CONTROL_FIELDS = ['entryAndAddendaCount', 'entryHash', 'totalDebit', 'totalCredit'];

function check(path) {
  const text = fs.readFileSync(path, 'ascii');
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const errors = [];
  lines.forEach((line, i) => {
    if (line.length !== 94) errors.push(`line ${i + 1}: ${line.length} characters, not 94`);
  });
  if (lines.length % 10 !== 0) errors.push(`${lines.length} lines, not a multiple of 10`);
  const fileControlIndex = lines.findIndex((l) => l[0] === '9' && l[1] !== '9');
  lines.slice(fileControlIndex + 1).forEach((line, i) => {
    if (line !== '9'.repeat(94)) errors.push(`line ${fileControlIndex + i + 2}: not padding`);
  });

  let ach;
  try {
    ach = nacha.from({ format: 'ach', source: text }).data;
  } catch (e) {
    return { file: path, ok: false, errors: [`parser failed: ${e.message}`] };
  }
  if (!ach.file || !ach.file.footer) {
    return { file: path, ok: false, errors: errors.concat('parser found no file header/control') };
  }
  const computed = calculate({ ach: ach, set: false });
  ach.batches.forEach((batch, i) => {
    CONTROL_FIELDS.forEach((field) => {
      if (batch.footer[field] !== computed.batchFooters[i][field]) {
        errors.push(`batch ${i + 1} control ${field}: file says ${batch.footer[field]}, `
          + `entries give ${computed.batchFooters[i][field]}`);
      }
    });
  });
  CONTROL_FIELDS.concat('blockCount').forEach((field) => {
    if (ach.file.footer[field] !== computed.footer[field]) {
      errors.push(`file control ${field}: file says ${ach.file.footer[field]}, `
        + `entries give ${computed.footer[field]}`);
    }
  });
  if (ach.file.footer.batchCount !== ach.batches.length) {
    errors.push(`file control batchCount ${ach.file.footer.batchCount}, `
      + `batches ${ach.batches.length}`);
  }
  // the package pads with a whole extra block when the records fill the last one exactly, so
  // only the records up to the file control are compared
  const reformatted = nacha.from(ach).to('ach').split('\n');
  for (let i = 0; i <= fileControlIndex; i++) {
    if (reformatted[i] !== lines[i]) {
      errors.push(`line ${i + 1}: the package's layout gives "${reformatted[i]}"`);
    }
  }
  const entries = ach.batches.reduce((n, b) => n + b.entries.length, 0);
  return {
    file: path,
    ok: errors.length === 0,
    errors: errors.slice(0, 20),
    batchCount: ach.batches.length,
    entryCount: entries,
    entryAddendaCount: ach.file.footer.entryAndAddendaCount,
    blockCount: ach.file.footer.blockCount,
    entryHash: ach.file.footer.entryHash,
    totalDebit: ach.file.footer.totalDebit,
    totalCredit: ach.file.footer.totalCredit,
  };
}

for (const path of process.argv.slice(2)) {
  console.log(JSON.stringify(check(path)));
}
