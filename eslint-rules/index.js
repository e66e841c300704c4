// The house rules that are about code, as lint rules (each with its tests in test/unit/lint-rules.test.ts).
const CHINESE = /[\u4e00-\u9fff]/;
const FLAG = /(^|[\s(（“'`])--[a-z][a-z-]+/;

/** Text of a string literal or a template (its raw parts). */
function textOf(node) {
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral') return node.quasis.map((q) => q.value.cooked ?? q.value.raw).join('${}');
  if (node.type === 'JSXText') return node.value;
  return null;
}

/** A message a user reads (it has Chinese) names a command-line flag: only the command line's own files may. */
const noCliFlags = {
  meta: {
    type: 'problem',
    docs: { description: 'the window and the API speak no command line: no Chinese message names a --flag' },
    messages: {
      flag: '{{flag}} is a command-line flag: only src/main/cli* may name one in a message; the window and the API word it their own way',
    },
    schema: [],
  },
  create(context) {
    const check = (node) => {
      const text = textOf(node);
      if (text === null || !CHINESE.test(text)) return;
      const m = FLAG.exec(text);
      if (m) context.report({ node, messageId: 'flag', data: { flag: m[0].trim().replace(/^[(（“'`]/, '') } });
    };
    return { Literal: check, TemplateLiteral: check, JSXText: check };
  },
};

/** An inline style that makes a box scroll: scroll areas are declared in styles.css, where one test sees them all. */
const noInlineScroll = {
  meta: {
    type: 'problem',
    docs: { description: 'no scroll area in an inline style: only the main column scrolls (styles.css)' },
    messages: {
      scroll:
        'a box that scrolls inside the scrolling page is where a list gets lost: no {{key}}: {{value}} in the window',
    },
    schema: [],
  },
  create(context) {
    return {
      Property(node) {
        const key =
          node.key.type === 'Identifier' ? node.key.name : node.key.type === 'Literal' ? String(node.key.value) : '';
        if (!/^overflow(X|Y|-x|-y)?$/.test(key)) return;
        const value = textOf(node.value);
        if (value === 'auto' || value === 'scroll') context.report({ node, messageId: 'scroll', data: { key, value } });
      },
    };
  },
};

export default {
  meta: { name: 'baosong-house' },
  rules: { 'no-cli-flags': noCliFlags, 'no-inline-scroll': noInlineScroll },
};
