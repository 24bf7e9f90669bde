import { colourEnabled, liveLineEnabled } from './terminal';

const tty = { isTTY: true };
const pipe = { isTTY: false };

describe('terminal capabilities', () => {
  it('colours a terminal only, unless NO_COLOR is set (to anything but empty), FORCE_COLOR=0 or TERM=dumb', () => {
    expect(colourEnabled(tty, {})).toBe(true);
    expect(colourEnabled(pipe, {})).toBe(false);
    expect(colourEnabled({}, {})).toBe(false);
    expect(colourEnabled(tty, { NO_COLOR: '1' })).toBe(false);
    expect(colourEnabled(tty, { NO_COLOR: 'false' })).toBe(false);
    // https://no-color.org: "when present and not an empty string".
    expect(colourEnabled(tty, { NO_COLOR: '' })).toBe(true);
    expect(colourEnabled(tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(colourEnabled(tty, { TERM: 'dumb' })).toBe(false);
  });

  it('never colours a pipe, even with FORCE_COLOR=1: colour is for terminals only', () => {
    expect(colourEnabled(pipe, { FORCE_COLOR: '1' })).toBe(false);
  });

  it('rewrites a live line on a terminal that moves its cursor only', () => {
    expect(liveLineEnabled(tty, {})).toBe(true);
    expect(liveLineEnabled(tty, { NO_COLOR: '1' })).toBe(true);
    expect(liveLineEnabled(tty, { TERM: 'dumb' })).toBe(false);
    expect(liveLineEnabled(pipe, {})).toBe(false);
  });
});
