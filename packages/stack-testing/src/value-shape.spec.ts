import { shapeOf } from './value-shape';

describe('shapeOf', () => {
  it('names the type of scalars and null', () => {
    expect([shapeOf('a'), shapeOf(1), shapeOf(false), shapeOf(null), shapeOf(undefined)]).toEqual(['string', 'number', 'boolean', 'null', 'undefined']);
  });

  it('gives an object the shapes of its keys', () => {
    expect(shapeOf({ id: 'vpc-1', port: 5432, nested: { on: true } })).toEqual({ id: 'string', port: 'number', nested: { on: 'boolean' } });
  });

  it('gives a list the distinct shapes of its items, whatever its length', () => {
    expect(shapeOf(['a', 'b', 'c'])).toEqual(shapeOf(['d']));
    expect(shapeOf(['a', 1, 'b'])).toEqual(['number', 'string']);
    expect(shapeOf([])).toEqual([]);
  });

  it('tells apart what a consumer would read differently', () => {
    expect(shapeOf({ ids: ['a'] })).not.toEqual(shapeOf({ ids: 'a' }));
    expect(shapeOf({ id: 'a' })).not.toEqual(shapeOf({ id: 'a', extra: 'b' }));
    expect(shapeOf({ id: null })).not.toEqual(shapeOf({ id: 'a' }));
    expect(shapeOf([{ id: 'a' }])).not.toEqual(shapeOf([{ id: 1 }]));
  });
});
