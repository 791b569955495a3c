const M=require('module');const orig=M._load;let depth=0;const rows=[];
M._load=function(req,parent,isMain){const t=process.hrtime.bigint();depth++;try{return orig.apply(this,arguments)}finally{depth--;const ms=Number(process.hrtime.bigint()-t)/1e6;if(ms>15)rows.push([depth,ms.toFixed(0),req,parent&&parent.filename.replace(process.cwd(),'')]);}};
require(process.argv[2]);rows.forEach(r=>console.log('  '.repeat(r[0])+r[1]+'ms '+r[2]+' <- '+r[3]));
