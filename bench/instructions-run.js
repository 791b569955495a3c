// The workload bench/instructions.ts counts: the first N workbooks of a folder scored in process and
// collected for a ranking, as `thidua rank` does each file (no ranking workbook written), on the
// compiled lib/ of the checkout ROOT. Usage: node instructions-run.js ROOT FOLDER N
'use strict';
const fs = require('fs');
const path = require('path');
const [root, dir, n] = process.argv.slice(2);
require(path.join(root, 'lib', 'cli', 'natives.js')).installNatives();
const { scoreForRanking } = require(path.join(root, 'lib', 'cli', 'score-for-ranking.js'));
const { RankingCollector } = require(path.join(root, 'lib', 'core', 'rank', 'ranking.js'));
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.xlsx'))
  .sort()
  .slice(0, Number(n))
  .map((f) => path.join(dir, f));
(async () => {
  const collector = new RankingCollector();
  for (const f of files) collector.add(await scoreForRanking(f));
})();
