// The globals shared/ may use beyond the language: ones that browsers, workers and Node all have.
// (tsconfig.shared.json gives shared/ neither the DOM's types nor Node's; other layers get these from theirs.)

/** WHATWG URL, as in browsers and Node (only what shared/ uses). */
declare class URL {
  constructor(url: string, base?: string);
  readonly href: string;
  readonly protocol: string;
  readonly host: string;
  readonly pathname: string;
}

/** WHATWG TextEncoder, as in browsers, workers and Node (only what shared/ uses). */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

/** WHATWG TextDecoder, as in browsers, workers and Node (only what shared/ uses). */
declare class TextDecoder {
  constructor(label?: string);
  decode(input?: ArrayBufferView): string;
}
