/**
 * Where JSON text first breaks. Node 20's JSON.parse names no position for many
 * errors ("Unexpected token '}' ... is not valid JSON"), so when the corpus
 * parser cannot say where, this small scanner finds the offset. Iterative (an
 * explicit stack), so deeply nested input cannot overflow the call stack.
 */
export function syntaxErrorOffset(text: string): number | undefined {
  let i = 0;
  const n = text.length;
  const stack: ('{' | '[')[] = [];
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const str = (): boolean => {
    if (text[i] !== '"') return false;
    i++;
    while (i < n) {
      const c = text[i];
      if (c === '"') {
        i++;
        return true;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return false;
      } else if (c < ' ') return false;
      else i++;
    }
    return false;
  };
  const scalar = (): boolean => {
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (!m) return false;
    i += m[0].length;
    return true;
  };
  // Expect a value; then close containers and commas until another value is expected.
  for (;;) {
    ws();
    if (text[i] === '{' || text[i] === '[') {
      const open = text[i] as '{' | '[';
      i++;
      ws();
      if ((open === '{' && text[i] === '}') || (open === '[' && text[i] === ']')) {
        i++;
      } else {
        stack.push(open);
        if (open === '{') {
          if (!str()) return i;
          ws();
          if (text[i] !== ':') return i;
          i++;
        }
        continue;
      }
    } else if (text[i] === '"') {
      if (!str()) return i;
    } else if (!scalar()) return i;
    for (;;) {
      ws();
      const top = stack[stack.length - 1];
      if (top === undefined) return i < n ? i : undefined;
      if (text[i] === ',') {
        i++;
        if (top === '{') {
          ws();
          if (!str()) return i;
          ws();
          if (text[i] !== ':') return i;
          i++;
        }
        break;
      }
      if ((top === '{' && text[i] === '}') || (top === '[' && text[i] === ']')) {
        stack.pop();
        i++;
        continue;
      }
      return i;
    }
  }
}

/** "line L, column C" of an offset. */
export function lineColumn(text: string, offset: number): string {
  const upto = text.slice(0, offset);
  const line = upto.split('\n').length;
  const col = offset - upto.lastIndexOf('\n');
  return `line ${line}, column ${col}`;
}
