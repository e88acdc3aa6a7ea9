// `.yaml` files are bundled as their text, plus their documents' values as JSON read at build time
// (scripts/build.mjs in the bundles; test/setup.ts in tests).
declare module '*.yaml' {
  const text: string;
  export default text;
  /** JSON of an array with each document's value, as the `yaml` library reads it in YAML 1.1. */
  export const values: string;
}
