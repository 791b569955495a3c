const t0=process.hrtime.bigint();
const { create } = require(require('path').join(require('path').dirname(require.resolve('mathjs')),'core/create.js'));
const { parseDependencies } = require(require('path').join(require('path').dirname(require.resolve('mathjs')),'entry/dependenciesAny/dependenciesParse.generated.js'));
const t1=process.hrtime.bigint();
const math = create({ parseDependencies });
const p = math.parse;
const n = p('min(10, 10 * a / b) + (x > 2 ? 1 : 0)');
console.log(Number(t1-t0)/1e6, Number(process.hrtime.bigint()-t1)/1e6, n.type, Object.keys(math).length);
