import { createSandbox, FormulaError, FORMULA_LIMITS } from '../../engine/core';

const sb = createSandbox();
const refuse = (src: string) => {
  try {
    sb.compile(src);
  } catch (e) {
    expect(e).toBeInstanceOf(FormulaError);
    return (e as FormulaError).reasonEn;
  }
  throw new Error(`accepted: ${src}`);
};

describe('formula sandbox', () => {
  test('a normal formula runs and translates to Excel', () => {
    const e = sb.compile('min(10, 10 * done / plan)');
    expect(e.symbols.sort()).toEqual(['done', 'plan']);
    expect(e.evaluate(new Map([['done', 11], ['plan', 12]]))).toBeCloseTo(9.1667, 3);
    expect(e.toExcel((n) => `$${n}`)).toBe('MIN(10,((10*$done)/$plan))');
    expect(sb.compile('x > 5 ? 2 : round(x / 3, 1)').toExcel((n) => n)).toBe('IF((x>5),2,ROUND((x/3),1))');
  });

  test.each([
    ['import', 'import({}, {override: true})', /not allowed/],
    ['createUnit', 'createUnit(x)', /not allowed/],
    ['evaluate', 'evaluate(x)', /not allowed/],
    ['parse', 'parse(x)', /not allowed/],
    ['simplify', 'simplify(x)', /not allowed/],
    ['derivative', 'derivative(x, y)', /not allowed/],
    ['constructor access', 'x.constructor', /property or index access/],
    ['__proto__ access', 'x.__proto__', /property or index access/],
    ['prototype access', 'x.prototype', /property or index access/],
    ['index access', 'x[1]', /property or index access/],
    ['function definition', 'f(x) = x^2', /function definitions/],
    ['assignment', 'x = 5', /assignments/],
    ['matrix', '[1, 2, 3]', /matrices/],
    ['absurd matrix', 'zeros(100000, 100000)', /not allowed/],
    ['range', '1:1000000000', /matrices and ranges/],
    ['string', '"abc"', /strings/],
    ['string via quotes', "concat('a')", /strings/],
    ['object', '{a: 1}', /objects/],
    ['several statements', 'a; b', /single expression/],
    ['huge exponent', '10 ^ 400', /exponent too large/],
    ['variable exponent', '2 ^ x', /exponent must be a constant/],
    ['factorial', 'x!', /not allowed/],
    ['huge constant', '1e300 * x', /constant too large/],
    ['long expression', `${'x + '.repeat(400)}x`, /too long/],
    ['deep nesting', `${'('.repeat(60)}x${')'.repeat(60)}`, /nested too deeply/],
    ['a function name as a variable', 'min + 1', /function/],
  ])('refuses %s', (_name, src, why) => {
    expect(refuse(src)).toMatch(why);
  });

  test('the mathjs instance itself has import/createUnit/evaluate/parse disabled', () => {
    // Defence in depth: even code holding the instance cannot use them.
    for (const name of ['import', 'createUnit', 'evaluate', 'parse', 'simplify', 'derivative', 'compile', 'resolve']) {
      expect(() => (sb.math[name] as (...a: unknown[]) => unknown)('1')).toThrow(/disabled/);
    }
    expect(FORMULA_LIMITS.maxDepth).toBeGreaterThan(0);
  });

  test('runtime errors are FormulaErrors: division by zero, missing values, sqrt of negatives', () => {
    const e = sb.compile('a / b');
    expect(() => e.evaluate(new Map([['a', 1], ['b', 0]]))).toThrow(FormulaError);
    expect(() => e.evaluate(new Map([['a', 1]]))).toThrow(/no value/);
    expect(() => sb.compile('sqrt(a)').evaluate(new Map([['a', -1]]))).toThrow(FormulaError);
  });
});
