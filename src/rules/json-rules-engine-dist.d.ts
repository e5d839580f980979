declare module 'json-rules-engine/dist/json-rules-engine.js' {
  export * from 'json-rules-engine';
}
