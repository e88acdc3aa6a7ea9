// `.yaml` files are bundled as text (esbuild's text loader; test/setup.ts in tests).
declare module '*.yaml' {
  const text: string;
  export default text;
}
