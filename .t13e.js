const T=()=>Number(process.hrtime.bigint())/1e6;let t=T();const L=(s)=>{const n=T();console.log(s,(n-t).toFixed(0));t=n;};
const m=require('mathjs/lib/browser/math.js');L('require');
const p=m.parse;L('parse getter');
p('min(10, 10 * a / b) + (x > 2 ? 1 : 0)');L('parse call');
m.import({evaluate:()=>{throw 1}},{override:true});L('import');
const c=m.create?m.create({parseDependencies:m.parseDependencies}):null;L('create parse-only');
c.parse('1+2');L('c.parse');
