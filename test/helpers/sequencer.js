/**
 * jest's order, plus one rule for a run without jest's timing cache (a fresh clone, CI): suites whose
 * header says `@slow` start first. jest runs the longest suites first when it knows their times and
 * otherwise the largest files first, which started the LibreOffice property test a minute late and left
 * it running alone at the end.
 */
const { readFileSync } = require('fs');
const Sequencer = require('@jest/test-sequencer').default;

const SLOW = /^\s*\*\s*@slow\b/m;

function tagged(file) {
  try {
    const head = readFileSync(file, 'utf8').slice(0, 4000);
    const end = head.indexOf('*/');
    return SLOW.test(end < 0 ? head : head.slice(0, end));
  } catch {
    return false;
  }
}

class SlowFirst extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests); // sets test.duration from the cache when known
    const first = sorted.filter((t) => t.duration == null && tagged(t.path));
    return [...first, ...sorted.filter((t) => !first.includes(t))];
  }
}

module.exports = SlowFirst;
