const t0=process.hrtime.bigint();
const m=process.argv[2];
require(m);
console.log(m, Number(process.hrtime.bigint()-t0)/1e6,'ms');
