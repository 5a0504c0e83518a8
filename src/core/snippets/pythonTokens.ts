// A small Python tokenizer: just enough to find literals, calls and top-level statements, and to know
// which lines start inside a multi-line string (re-indenting those would change the string's value).

export type TokenKind = 'name' | 'number' | 'string' | 'fstring' | 'op' | 'comment' | 'newline' | 'other';

export interface Token {
  kind: TokenKind;
  text: string;
  /** Offsets into the tokenized text, end exclusive. */
  start: number;
  end: number;
  /** Bracket depth around the token; a bracket and its partner share the depth outside them. */
  depth: number;
}

const STRING_START = /([rRbBuUfF]{0,2})('''|"""|'|")/y;
const NUMBER = /(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?[jJ]?)/y;
const NAME = /[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*/uy;
const OPERATOR = /\*\*=|\/\/=|>>=|<<=|\.\.\.|->|:=|==|!=|<=|>=|[-+*/%@&|^]=|\*\*|\/\/|<<|>>|[-+*/%@&|^~<>()[\]{},:;.=!]/y;

function matchAt(pattern: RegExp, text: string, index: number): string | undefined {
  pattern.lastIndex = index;
  return pattern.exec(text)?.[0];
}

/** End of the string literal whose opening quote ends at `index`; an unclosed one-line string ends at the line break. */
function stringEnd(text: string, index: number, quote: string): number {
  let i = index;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (text.startsWith(quote, i)) return i + quote.length;
    else if (c === '\n' && quote.length === 1) return i;
    else i += 1;
  }
  return text.length;
}

/**
 * Tokens of `code` (line breaks already normalized to `\n`). Whitespace and backslash line joins are
 * skipped; a `newline` token ends a logical line (line breaks inside brackets produce none).
 */
export function tokenize(code: string): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  let i = 0;
  const push = (kind: TokenKind, end: number, tokenDepth = depth): void => {
    tokens.push({ kind, text: code.slice(i, end), start: i, end, depth: tokenDepth });
    i = end;
  };
  while (i < code.length) {
    const c = code[i];
    if (c === '\n') {
      if (depth === 0) push('newline', i + 1);
      else i += 1;
    } else if (c === ' ' || c === '\t' || c === '\f' || c === '\r') {
      i += 1;
    } else if (c === '\\' && code[i + 1] === '\n') {
      i += 2;
    } else if (c === '#') {
      const lineEnd = code.indexOf('\n', i);
      push('comment', lineEnd === -1 ? code.length : lineEnd);
    } else {
      STRING_START.lastIndex = i;
      const string = STRING_START.exec(code);
      if (string) {
        push(/f/i.test(string[1]) ? 'fstring' : 'string', stringEnd(code, i + string[0].length, string[2]));
        continue;
      }
      const number = /[\d.]/.test(c) ? matchAt(NUMBER, code, i) : undefined;
      if (number) { push('number', i + number.length); continue; }
      const name = matchAt(NAME, code, i);
      if (name) { push('name', i + name.length); continue; }
      const operator = matchAt(OPERATOR, code, i);
      if (!operator) { push('other', i + 1); continue; }
      if ('([{'.includes(operator)) {
        push('op', i + 1);
        depth += 1;
      } else if (')]}'.includes(operator)) {
        depth = Math.max(0, depth - 1);
        push('op', i + 1);
      } else {
        push('op', i + operator.length);
      }
    }
  }
  return tokens;
}

/** Logical lines as lists of significant tokens, in order. */
export function logicalLines(tokens: readonly Token[]): Token[][] {
  const lines: Token[][] = [];
  let current: Token[] = [];
  for (const token of tokens) {
    if (token.kind === 'newline') {
      if (current.length > 0) lines.push(current);
      current = [];
    } else if (token.kind !== 'comment') {
      current.push(token);
    }
  }
  if (current.length > 0) lines.push(current);
  return lines;
}
