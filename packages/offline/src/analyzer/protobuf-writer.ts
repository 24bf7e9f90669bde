/**
 * The protobuf wire encoding, written straight into one growing buffer. google-protobuf builds a message object
 * (and a `Value` object per property) before it can serialize: at 10,000 resources that tree, and the garbage it
 * leaves, cost more than the bytes themselves. This writer produces exactly the bytes google-protobuf's
 * `BinaryWriter` would for the same fields (see analyzer-requests.spec.ts), so a pack decodes the same message.
 */

/** The wire type of a varint field (`bool`, enums, integers). */
export const VARINT = 0;
/** The wire type of a 64-bit fixed field (`double`). */
export const FIXED64 = 1;
/** The wire type of a length-delimited field (`string`, `bytes`, messages). */
export const LENGTH_DELIMITED = 2;

/** The bytes google-protobuf writes for any NaN (it does not keep a NaN's payload). */
const NAN_BYTES = Buffer.from('ffffffffffffff7f', 'hex');

/** How many bytes the varint of a non-negative integer below 2^32 takes. */
function varintSize(value: number): number {
  if (value < 0x80) return 1;
  if (value < 0x4000) return 2;
  if (value < 0x200000) return 3;
  if (value < 0x10000000) return 4;
  return 5;
}

/**
 * google-protobuf's own UTF-8 encoding, used for strings that are not well-formed UTF-16: it drops a high surrogate
 * followed by anything but a low one, and writes any other lone surrogate as a three-byte sequence, where
 * `Buffer.write` would write U+FFFD. Well-formed strings (all but a pathological few) never come here.
 */
function protobufUtf8(value: string): number[] {
  const bytes: number[] = [];
  for (let index = 0; index < value.length; index++) {
    let code = value.charCodeAt(index);
    if (code < 0x80) {
      bytes.push(code);
    } else if (code < 0x800) {
      bytes.push((code >> 6) | 0xc0, (code & 0x3f) | 0x80);
    } else if (code >= 0xd800 && code <= 0xdbff && index + 1 < value.length) {
      const low = value.charCodeAt(index + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x400 * (code - 0xd800) + low - 0xdc00 + 0x10000;
        bytes.push((code >> 18) | 0xf0, ((code >> 12) & 0x3f) | 0x80, ((code >> 6) & 0x3f) | 0x80, (code & 0x3f) | 0x80);
        index++;
      }
    } else {
      bytes.push((code >> 12) | 0xe0, ((code >> 6) & 0x3f) | 0x80, (code & 0x3f) | 0x80);
    }
  }
  return bytes;
}

const isWellFormed = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed ?? function (this: string) {
  return !/[\ud800-\udfff]/.test(this);
};

export class ProtobufWriter {
  private buffer: Buffer;
  private position = 0;

  constructor(initialBytes = 4096) {
    this.buffer = Buffer.allocUnsafe(initialBytes);
  }

  /** Makes room for `bytes` more bytes. */
  private reserve(bytes: number): void {
    const needed = this.position + bytes;
    if (needed <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(needed, this.buffer.length * 2));
    this.buffer.copy(grown, 0, 0, this.position);
    this.buffer = grown;
  }

  /** A varint of a non-negative integer below 2^32 (tags, lengths, enum values, booleans). */
  varint(value: number): void {
    this.reserve(5);
    const buffer = this.buffer;
    let position = this.position;
    while (value >= 0x80) {
      buffer[position++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    buffer[position++] = value;
    this.position = position;
  }

  /** A field's tag. */
  tag(field: number, wireType: number): void {
    this.varint((field << 3) | wireType);
  }

  /** A `string` field, written even when empty (as google-protobuf writes a set oneof or a map key). */
  string(field: number, value: string): void {
    this.tag(field, LENGTH_DELIMITED);
    if (!isWellFormed.call(value)) {
      const bytes = protobufUtf8(value);
      this.varint(bytes.length);
      this.reserve(bytes.length);
      for (const byte of bytes) this.buffer[this.position++] = byte;
      return;
    }
    // UTF-8 takes at most three bytes per UTF-16 unit: a short string's length fits the one byte reserved for it.
    if (value.length * 3 < 0x80) {
      this.reserve(1 + value.length * 3);
      const written = this.buffer.write(value, this.position + 1);
      this.buffer[this.position] = written;
      this.position += 1 + written;
      return;
    }
    const length = Buffer.byteLength(value);
    this.varint(length);
    this.reserve(length);
    this.position += this.buffer.write(value, this.position);
  }

  /** A proto3 `string` field: omitted when empty. */
  optionalString(field: number, value: string | undefined): void {
    if (value) this.string(field, value);
  }

  /** A `repeated string` field. */
  strings(field: number, values: readonly string[]): void {
    for (const value of values) this.string(field, value);
  }

  /** A `double` field, written whatever its value (as google-protobuf writes a set oneof). */
  double(field: number, value: number): void {
    this.tag(field, FIXED64);
    this.reserve(8);
    if (Number.isNaN(value)) NAN_BYTES.copy(this.buffer, this.position);
    else this.buffer.writeDoubleLE(value, this.position);
    this.position += 8;
  }

  /** A proto3 `double` field: omitted when zero. */
  optionalDouble(field: number, value: number): void {
    if (value !== 0) this.double(field, value);
  }

  /** A `bool` field, written whatever its value. */
  bool(field: number, value: boolean): void {
    this.tag(field, VARINT);
    this.varint(value ? 1 : 0);
  }

  /** A proto3 `bool` field: omitted when false. */
  optionalBool(field: number, value: boolean | undefined): void {
    if (value) this.bool(field, true);
  }

  /** Bytes already encoded (a message written once and embedded in many), as a length-delimited field. */
  encoded(field: number, bytes: Uint8Array): void {
    this.tag(field, LENGTH_DELIMITED);
    this.varint(bytes.length);
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.position);
    this.position += bytes.length;
  }

  /**
   * Starts an embedded message field; returns the mark to give {@link endMessage} once its fields are written. One
   * byte is kept for the length, the common case; a longer message is moved up to make room for its length.
   */
  beginMessage(field: number): number {
    this.tag(field, LENGTH_DELIMITED);
    this.reserve(1);
    return this.position++;
  }

  /** Ends the embedded message started at `mark`, writing its length. */
  endMessage(mark: number): void {
    const length = this.position - mark - 1;
    if (length < 0x80) {
      this.buffer[mark] = length;
      return;
    }
    const extra = varintSize(length) - 1;
    this.reserve(extra);
    this.buffer.copyWithin(mark + 1 + extra, mark + 1, this.position);
    const end = this.position + extra;
    this.position = mark;
    this.varint(length);
    this.position = end;
  }

  /** The bytes written so far, in a buffer of their own. */
  bytes(): Buffer {
    return Buffer.from(this.buffer.subarray(0, this.position));
  }

  /** The bytes written so far, sharing this writer's memory: for a writer that is done with. */
  finish(): Buffer {
    return this.buffer.subarray(0, this.position);
  }

  /** Starts again, keeping the memory. */
  reset(): void {
    this.position = 0;
  }
}
