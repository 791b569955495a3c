// mathjs's number-only entry ("mathjs/number") has the package's own types (its exports map points both
// at types/index.d.ts); `moduleResolution: node` does not read exports maps, so they are declared here.
declare module 'mathjs/number' {
  export * from 'mathjs';
}
