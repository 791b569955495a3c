const M=require('module');const orig=M._load;let depth=0;const rows=[];
M._load=function(req,parent){const t=process.hrtime.bigint();depth++;try{return orig.apply(this,arguments)}finally{depth--;const ms=Number(process.hrtime.bigint()-t)/1e6;if(ms>30&&depth<6)rows.push([depth,ms.toFixed(0),req,parent&&parent.filename.replace(process.cwd(),'')]);}};
const t0=Date.now();
require('./lib/cli/main').main(process.argv.slice(2)).then(()=>{rows.forEach(r=>console.error('  '.repeat(r[0])+r[1]+'ms '+r[2]+' <- '+r[3]));console.error('total',Date.now()-t0)});
