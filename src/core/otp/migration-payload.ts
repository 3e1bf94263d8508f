import {
  type FieldTag,
  ProtobufError,
  ProtobufReader,
  WIRE_LENGTH_DELIMITED,
  WIRE_VARINT,
} from './protobuf-reader.ts';
import type { Result } from './types.ts';

/**
 * Google Authenticator's export, `MigrationPayload` (field numbers as in its proto):
 * `repeated OtpParameters otp_parameters = 1; int32 version = 2; int32 batch_size = 3;
 * int32 batch_index = 4; int32 batch_id = 5;` and `OtpParameters { bytes secret = 1; string name = 2;
 * string issuer = 3; Algorithm algorithm = 4; DigitCount digits = 5; OtpType type = 6; int64 counter = 7 }`.
 * Enums stay numbers here; `migration-account.ts` gives them meaning.
 */
export interface MigrationParameters {
  secret: Uint8Array;
  name: string;
  issuer: string;
  algorithm: number;
  digits: number;
  type: number;
  counter: bigint;
}

export interface MigrationPayload {
  accounts: MigrationParameters[];
  version: number;
  batchSize: number;
  batchIndex: number;
  batchId: number;
}

const utf8 = new TextDecoder('utf-8');

function expect(tag: FieldTag, wireType: number): void {
  if (tag.wireType !== wireType) throw new ProtobufError(`field ${tag.field}: wrong wire type`);
}

/** An enum or int32 value: its low 32 bits as a signed number, as protobuf's own parsers read it. */
function int32(reader: ProtobufReader): number {
  return Number(BigInt.asIntN(32, reader.varint()));
}

function readParameters(bytes: Uint8Array): MigrationParameters {
  const reader = new ProtobufReader(bytes);
  const parameters: MigrationParameters = {
    secret: new Uint8Array(0),
    name: '',
    issuer: '',
    algorithm: 0,
    digits: 0,
    type: 0,
    counter: 0n,
  };
  while (!reader.done) {
    const tag = reader.tag();
    switch (tag.field) {
      case 1:
        expect(tag, WIRE_LENGTH_DELIMITED);
        parameters.secret = reader.lengthDelimited().slice();
        break;
      case 2:
        expect(tag, WIRE_LENGTH_DELIMITED);
        parameters.name = utf8.decode(reader.lengthDelimited());
        break;
      case 3:
        expect(tag, WIRE_LENGTH_DELIMITED);
        parameters.issuer = utf8.decode(reader.lengthDelimited());
        break;
      case 4:
        expect(tag, WIRE_VARINT);
        parameters.algorithm = int32(reader);
        break;
      case 5:
        expect(tag, WIRE_VARINT);
        parameters.digits = int32(reader);
        break;
      case 6:
        expect(tag, WIRE_VARINT);
        parameters.type = int32(reader);
        break;
      case 7:
        expect(tag, WIRE_VARINT);
        parameters.counter = reader.signedVarint();
        break;
      default:
        reader.skip(tag);
    }
  }
  return parameters;
}

function readPayload(bytes: Uint8Array): MigrationPayload {
  const reader = new ProtobufReader(bytes);
  const payload: MigrationPayload = { accounts: [], version: 0, batchSize: 0, batchIndex: 0, batchId: 0 };
  while (!reader.done) {
    const tag = reader.tag();
    if (tag.field === 1) {
      expect(tag, WIRE_LENGTH_DELIMITED);
      payload.accounts.push(readParameters(reader.lengthDelimited()));
    } else if (tag.field >= 2 && tag.field <= 5) {
      expect(tag, WIRE_VARINT);
      const value = int32(reader);
      if (tag.field === 2) payload.version = value;
      else if (tag.field === 3) payload.batchSize = value;
      else if (tag.field === 4) payload.batchIndex = value;
      else payload.batchId = value;
    } else {
      reader.skip(tag);
    }
  }
  return payload;
}

/** Decodes the bytes of an export. Never throws: malformed input gives `invalid-migration`. */
export function decodeMigrationPayload(bytes: Uint8Array): Result<MigrationPayload> {
  try {
    return { ok: true, value: readPayload(bytes) };
  } catch (error) {
    if (error instanceof ProtobufError) return { ok: false, error: 'invalid-migration' };
    throw error;
  }
}
