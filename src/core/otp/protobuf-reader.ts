/**
 * A small protobuf wire-format reader (https://protobuf.dev/programming-guides/encoding/): varints up to
 * 64 bits, fixed32/fixed64, length-delimited fields, groups skipped; every read bounds-checked. Malformed
 * input raises `ProtobufError` only; callers turn it into a typed result.
 */

export class ProtobufError extends Error {}

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LENGTH_DELIMITED = 2;
export const WIRE_START_GROUP = 3;
export const WIRE_END_GROUP = 4;
export const WIRE_FIXED32 = 5;

/** Groups nested deeper than this are refused (the official parsers stop at 100). */
const MAX_GROUP_DEPTH = 32;

const TWO_TO_64 = 1n << 64n;

export interface FieldTag {
  field: number;
  wireType: number;
}

export class ProtobufReader {
  private position = 0;

  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.position >= this.bytes.length;
  }

  /** An unsigned varint of at most 10 bytes, as its low 64 bits. */
  varint(): bigint {
    let value = 0n;
    for (let index = 0; index < 10; index++) {
      const byte = this.bytes[this.position];
      if (byte === undefined) throw new ProtobufError('truncated varint');
      this.position++;
      value |= BigInt(byte & 0x7f) << BigInt(7 * index);
      if (byte < 0x80) return value % TWO_TO_64;
    }
    throw new ProtobufError('varint longer than 10 bytes');
  }

  /** A varint read as a protobuf `int32`/`int64`: two's complement, so `batch_id` may be negative. */
  signedVarint(): bigint {
    return BigInt.asIntN(64, this.varint());
  }

  tag(): FieldTag {
    const tag = this.varint();
    const field = Number(tag >> 3n);
    const wireType = Number(tag & 7n);
    if (field === 0 || field > 0x1fffffff) throw new ProtobufError('invalid field number');
    return { field, wireType };
  }

  /** The bytes of a length-delimited field (a view, not a copy). */
  lengthDelimited(): Uint8Array {
    const length = this.varint();
    if (length > BigInt(this.bytes.length - this.position)) throw new ProtobufError('truncated field');
    const start = this.position;
    this.position += Number(length);
    return this.bytes.subarray(start, this.position);
  }

  private advance(count: number): void {
    if (count > this.bytes.length - this.position) throw new ProtobufError('truncated field');
    this.position += count;
  }

  /** Skips the value of a field this reader does not know. */
  skip(tag: FieldTag, depth = 0): void {
    switch (tag.wireType) {
      case WIRE_VARINT:
        this.varint();
        return;
      case WIRE_FIXED64:
        this.advance(8);
        return;
      case WIRE_LENGTH_DELIMITED:
        this.lengthDelimited();
        return;
      case WIRE_FIXED32:
        this.advance(4);
        return;
      case WIRE_START_GROUP:
        this.skipGroup(tag.field, depth + 1);
        return;
      default:
        throw new ProtobufError(`unexpected wire type ${tag.wireType}`);
    }
  }

  private skipGroup(field: number, depth: number): void {
    if (depth > MAX_GROUP_DEPTH) throw new ProtobufError('groups nested too deeply');
    for (;;) {
      if (this.done) throw new ProtobufError('unterminated group');
      const inner = this.tag();
      if (inner.wireType === WIRE_END_GROUP) {
        if (inner.field !== field) throw new ProtobufError('mismatched end group');
        return;
      }
      this.skip(inner, depth);
    }
  }
}
