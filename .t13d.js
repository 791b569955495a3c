const t0=process.hrtime.bigint();
const { create, parseDependencies } = require('mathjs/number');
const t1=process.hrtime.bigint();
const math = create({ parseDependencies });
const n = math.parse('min(10, 10 * a / b) + (x > 2 ? 1 : 0)');
console.log(Number(t1-t0)/1e6, Number(process.hrtime.bigint()-t1)/1e6, n.type, typeof math.import);
