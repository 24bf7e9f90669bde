// @ts-check
/**
 * Visits the literal text of a program: string literals, template literals and integer literals (an account id
 * written as a number is still hard-coded). Every rule here looks for a value written into the source, so they
 * share this one notion of "text the author typed".
 */

/**
 * Stands for each `${...}` of a template literal in the visited text, so a pattern can tell a value typed into
 * the source from one computed at run time (and still see the typed parts on both sides of an interpolation).
 */
const INTERPOLATION = '\u0000';

/**
 * @typedef {import('eslint').Rule.RuleContext} RuleContext
 * @typedef {import('estree').Node} Node
 * @typedef {(text: string, node: Node) => void} TextVisitor
 */

/**
 * Returns rule listeners that call `visit` with the text of every string, template part and integer literal.
 * @param {TextVisitor} visit
 * @returns {import('eslint').Rule.RuleListener}
 */
function literalTextListeners(visit) {
  return {
    Literal(node) {
      if (typeof node.value === 'string') visit(node.value, node);
      else if (typeof node.value === 'number' && Number.isInteger(node.value)) visit(String(node.value), node);
    },
    TemplateLiteral(node) {
      visit(node.quasis.map((part) => part.value.cooked ?? part.value.raw).join(INTERPOLATION), node);
    },
  };
}

module.exports = { literalTextListeners, INTERPOLATION };
