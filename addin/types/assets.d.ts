/** Criteria sets bundled as text by webpack (asset/source). */
declare module '*.yaml' {
  const text: string;
  export default text;
}
